-- The deferral radar reads every FeatureDeferred (from CI or a product owner) grouped by feature.
create index evidence_deferral_idx on evidence (feature_id, occurred_at) where event_type = 'FeatureDeferred';
