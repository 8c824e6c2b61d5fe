-- The promotion trigger's settings (issue "Environments and the promotion pipeline", the trigger contract): every field
-- of promotion-trigger.yaml acts or is refused. These are kept on the release and in its signed statement.
alter table release
    add column deploy_strategy     text,     -- customDeployStrategy: canary, blue-green, batch
    add column rollback_enabled    boolean,  -- rollbackEnabled; null: the installation's setting
    add column documentation_style text,     -- releaseDocumentationStyle: markdown, json
    add column signed_by           text,     -- signedBy: the role of the human signer of a gated promotion
    add constraint release_deploy_strategy_ck check (deploy_strategy in ('canary', 'blue-green', 'batch')),
    add constraint release_documentation_style_ck check (documentation_style in ('markdown', 'json'));
