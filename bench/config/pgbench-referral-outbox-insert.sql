-- The referral row of pgbench-referral-insert.sql plus its outbox event, in one transaction, as a creation writes
-- them: the ratio of the two pgbench rates is what the outbox costs the database per creation.
BEGIN;
INSERT INTO pgbench_referral (id, version, case_id, status, target_type, target_id, target_name, target_organisation_id,
    target_admission_mode, triage_platform_id, origin_uai, created_by, reason, urgency, priority, context,
    created_at, updated_at, submitted_at)
VALUES (gen_random_uuid(), 1, gen_random_uuid(), 'SUBMITTED', 'PROGRAMME', '505253b6-75da-4eaf-b941-3fca072d1ad5',
    'Le Fil d''Ariane', gen_random_uuid(), 'INTERVIEW', '43c92e43-b7d1-4693-a06d-67f3c4f0699b', '0690047B',
    'pgbench', 'ABSENTEEISM', 'NORMAL', 2, NULL, now(), now(), now());
INSERT INTO pgbench_outbox (id, type, case_id, referral_id, occurred_at, data)
VALUES (gen_random_uuid(), 'referral.submitted', gen_random_uuid(), gen_random_uuid(), now(),
    '{"referralId":"6d1c1f0e-0a4b-4c43-9a53-0c1f1b7f5a10","caseId":"0b7b8f0e-34c1-4a55-8d0c-1e6f1c9e2a44","status":"SUBMITTED","targetType":"PROGRAMME","targetId":"505253b6-75da-4eaf-b941-3fca072d1ad5","targetOrganisationId":"07a23e44-05c2-4269-8757-ada2582fb768","triagePlatformId":"43c92e43-b7d1-4693-a06d-67f3c4f0699b","originUai":"0690047B","urgency":"NORMAL","occurredAt":"2026-11-29T20:00:00Z"}');
COMMIT;
