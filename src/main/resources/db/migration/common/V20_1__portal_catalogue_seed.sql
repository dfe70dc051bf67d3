-- The service catalogue a district branch starts from; staff change it on 服务事项管理.
INSERT INTO portal_service_item (name, description, handling_mode, category_code, where_to_go, sort_order, updated_at) VALUES
    ('户籍证明开具', '开具户籍证明、亲属关系证明等，材料齐全当场出具。', 'IMMEDIATE', 'HOUSEHOLD', '各派出所户籍窗口', 10, CURRENT_TIMESTAMP),
    ('居民身份证办理进度查询', '申领、换领、补领身份证后，网上查询制证和领取进度。', 'ONLINE', 'HOUSEHOLD', '网上警局“我要反映”选“咨询”', 20, CURRENT_TIMESTAMP),
    ('临时身份证明', '身份证丢失或办理期间急需乘车、住宿的，开具临时身份证明。', 'IMMEDIATE', 'HOUSEHOLD', '就近派出所户籍窗口', 30, CURRENT_TIMESTAMP),
    ('出入境证件办理', '普通护照、往来港澳台通行证及签注的申请与咨询。', 'ONE_VISIT', 'EXIT_ENTRY', '分局出入境接待大厅', 40, CURRENT_TIMESTAMP),
    ('交通违法处理', '非现场交通违法的查询、处理和罚款缴纳。', 'ONLINE', 'TRAFFIC', '交管大队违法处理窗口或网上办理', 50, CURRENT_TIMESTAMP),
    ('机动车、驾驶证业务咨询', '车辆登记、驾驶证换证、补证等业务的办理条件和材料。', 'NEARBY', 'TRAFFIC', '交管大队车管服务站', 60, CURRENT_TIMESTAMP),
    ('治安咨询', '娱乐场所、噪音扰民、寄递物流等治安管理事项的咨询。', 'ONLINE', 'PUBLIC_ORDER', '网上警局或辖区派出所', 70, CURRENT_TIMESTAMP),
    ('无犯罪记录证明', '本辖区户籍或居住人员开具无犯罪记录证明。', 'ONE_VISIT', 'HOUSEHOLD', '户籍所在地派出所', 80, CURRENT_TIMESTAMP),
    ('涉企服务（一警一企）', '企业安全防范、经营环境问题和诉求，专人对接、限时答复。', 'ONLINE', 'ENTERPRISE', '网上警局“我要反映”填写企业信息', 90, CURRENT_TIMESTAMP),
    ('防范电信网络诈骗咨询', '疑似诈骗的电话、短信、链接和转账，先咨询再操作。', 'IMMEDIATE', 'FRAUD', '反诈中心，紧急情况拨打110', 100, CURRENT_TIMESTAMP),
    ('矛盾纠纷调解', '邻里、家庭等矛盾纠纷，社区民警就近调解。', 'NEARBY', 'DISPUTE', '辖区派出所社区警务队', 110, CURRENT_TIMESTAMP),
    ('失物招领与求助', '证件、财物遗失或捡拾，以及其他非紧急求助。', 'NEARBY', 'EMERGENCY', '就近派出所', 120, CURRENT_TIMESTAMP);
