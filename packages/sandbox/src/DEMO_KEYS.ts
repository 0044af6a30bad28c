/** The two obviously fake demo API keys every sandbox accepts, one per demo company. */
export const DEMO_KEYS = { acme: 'sk_test_sandbox_acme_demo', globex: 'sk_test_sandbox_globex_demo' } as const;
