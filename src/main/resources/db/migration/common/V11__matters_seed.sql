-- The category dictionary and the time limits to start from (DESIGN.md §4); an administrator edits both.
INSERT INTO matter_category (code, name, lead_unit_type, sort_order, active, updated_at) VALUES
    ('HOUSEHOLD',    '户政',         'STATION', 10,  TRUE, CURRENT_TIMESTAMP),
    ('EXIT_ENTRY',   '出入境',       'BRIGADE', 20,  TRUE, CURRENT_TIMESTAMP),
    ('TRAFFIC',      '交通管理',     'BRIGADE', 30,  TRUE, CURRENT_TIMESTAMP),
    ('PUBLIC_ORDER', '治安管理',     'STATION', 40,  TRUE, CURRENT_TIMESTAMP),
    ('CRIME',        '刑事案件',     'STATION', 50,  TRUE, CURRENT_TIMESTAMP),
    ('FRAUD',        '电信网络诈骗', 'OFFICE',  60,  TRUE, CURRENT_TIMESTAMP),
    ('CYBER',        '网络安全',     'BRIGADE', 70,  TRUE, CURRENT_TIMESTAMP),
    ('EMERGENCY',    '紧急求助',     'STATION', 80,  TRUE, CURRENT_TIMESTAMP),
    ('DISPUTE',      '矛盾纠纷',     'STATION', 90,  TRUE, CURRENT_TIMESTAMP),
    ('ENTERPRISE',   '涉企服务',     'STATION', 100, TRUE, CURRENT_TIMESTAMP),
    ('CONDUCT',      '队伍作风',     'OFFICE',  110, TRUE, CURRENT_TIMESTAMP),
    ('OTHER',        '其他',         'STATION', 120, TRUE, CURRENT_TIMESTAMP);

-- DESIGN.md §4: help — sign 30 min, reply 1 working day; enquiry — reply 1 working day; complaint, tip-off,
-- suggestion — reply 5 working days, extension up to 10; return within 2 working days of dispatch; reopen
-- window 3 working days after the reply. Limits the design leaves open (close, the sign limit of the other
-- kinds, extensions of help and enquiry, praise) are starting values. The critical-help rows show how a more
-- specific row overrides the kind's catch-all.
INSERT INTO time_limit_policy (kind, category_code, urgency, sign_amount, sign_unit, reply_amount, reply_unit,
        close_amount, close_unit, extension_days, return_days, reopen_days, updated_at) VALUES
    ('HELP',       NULL,        NULL,       30,  'WORKING_MINUTES', 1,   'WORKING_DAYS',    3,  'WORKING_DAYS', 2,  2, 3, CURRENT_TIMESTAMP),
    ('HELP',       NULL,        'CRITICAL', 10,  'WORKING_MINUTES', 240, 'WORKING_MINUTES', 2,  'WORKING_DAYS', 1,  2, 3, CURRENT_TIMESTAMP),
    ('HELP',       'EMERGENCY', 'CRITICAL', 10,  'WORKING_MINUTES', 120, 'WORKING_MINUTES', 2,  'WORKING_DAYS', 1,  2, 3, CURRENT_TIMESTAMP),
    ('ENQUIRY',    NULL,        NULL,       240, 'WORKING_MINUTES', 1,   'WORKING_DAYS',    3,  'WORKING_DAYS', 2,  2, 3, CURRENT_TIMESTAMP),
    ('COMPLAINT',  NULL,        NULL,       1,   'WORKING_DAYS',    5,   'WORKING_DAYS',    10, 'WORKING_DAYS', 10, 2, 3, CURRENT_TIMESTAMP),
    ('TIP_OFF',    NULL,        NULL,       1,   'WORKING_DAYS',    5,   'WORKING_DAYS',    10, 'WORKING_DAYS', 10, 2, 3, CURRENT_TIMESTAMP),
    ('SUGGESTION', NULL,        NULL,       1,   'WORKING_DAYS',    5,   'WORKING_DAYS',    10, 'WORKING_DAYS', 10, 2, 3, CURRENT_TIMESTAMP),
    ('PRAISE',     NULL,        NULL,       1,   'WORKING_DAYS',    5,   'WORKING_DAYS',    10, 'WORKING_DAYS', 5,  2, 3, CURRENT_TIMESTAMP);
