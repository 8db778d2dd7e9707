-- One referral-shaped row per transaction, into a copy of the referral table (same columns, same indexes,
-- no foreign keys): the raw insert rate the referral creation figure is compared with.
INSERT INTO pgbench_referral (id, version, case_id, status, target_type, target_id, target_name, target_organisation_id,
    target_admission_mode, triage_platform_id, origin_uai, created_by, reason, urgency, priority, context,
    created_at, updated_at, submitted_at)
VALUES (gen_random_uuid(), 1, gen_random_uuid(), 'SUBMITTED', 'PROGRAMME', '505253b6-75da-4eaf-b941-3fca072d1ad5',
    'Le Fil d''Ariane', gen_random_uuid(), 'INTERVIEW', '43c92e43-b7d1-4693-a06d-67f3c4f0699b', '0690047B',
    'pgbench', 'ABSENTEEISM', 'NORMAL', 2, NULL, now(), now(), now());
