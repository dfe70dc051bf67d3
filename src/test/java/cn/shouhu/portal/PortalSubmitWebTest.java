package cn.shouhu.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** 我要反映: every rule of the public submission form, through the web layer as a browser would send it. */
@SpringBootTest
@AutoConfigureMockMvc
class PortalSubmitWebTest extends PortalTestSupport {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A complete, valid form from its own address and phone, with a new token; {@code overrides} are name, value
	 * pairs that replace (or with an empty value, remove) a field.
	 */
	MockMultipartHttpServletRequestBuilder valid(String ip, String phone, String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("formToken", token());
		fields.put("kind", "COMPLAINT");
		fields.put("categoryCode", "PUBLIC_ORDER");
		fields.put("title", "夜间施工噪音扰民");
		fields.put("description", "小区旁工地每晚十一点后仍在施工，影响休息。");
		fields.put("address", "昆区钢铁大街 18 号");
		fields.put("community", "友谊社区");
		fields.put("name", "王女士");
		fields.put("phone", phone);
		fields.put("consent", "true");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockMultipartHttpServletRequestBuilder request = multipart("/portal/submit");
		fields.forEach((name, value) -> {
			if (!value.isEmpty()) {
				request.param(name, value);
			}
		});
		request.with(csrf()).with(from(ip));
		return request;
	}

	static String token() {
		return UUID.randomUUID().toString();
	}

	long matters() {
		return jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
	}

	Map<String, Object> matterByCode(String code) {
		return jdbc.sql("SELECT * FROM matter WHERE tracking_code = :code").param("code", code).query().singleRow();
	}

	static String code(MvcResult result) {
		Object receipt = result.getFlashMap().get("receipt");
		assertThat(receipt).isNotNull();
		String text = receipt.toString();
		return text.substring(text.indexOf("trackingCode=") + 13, text.indexOf("trackingCode=") + 25);
	}

	@Test
	void aValidSubmissionBecomesAPortalMatterAndTheReceiptIsShownOnce() throws Exception {
		String phone = newPhone();
		MvcResult result = mvc.perform(valid(newIp(), phone))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/submit/receipt"))
			.andReturn();
		String code = code(result);
		Map<String, Object> matter = matterByCode(code);
		assertThat(matter.get("channel")).isEqualTo("PORTAL");
		assertThat(matter.get("kind")).isEqualTo("COMPLAINT");
		assertThat(matter.get("submitter_phone")).isEqualTo(phone);

		mvc.perform(get("/portal/submit/receipt").cookie(result.getResponse().getCookies()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请保存查询码")))
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString("/portal/track")))
			.andExpect(content().string(not(containsString("如果有人身危险"))));
		// A reload, or anybody else, gets no code.
		mvc.perform(get("/portal/submit/receipt"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("回执只显示一次")))
			.andExpect(content().string(not(containsString(code))));
	}

	@Test
	void anEmptyFormGetsAChineseMessagePerFieldAndCreatesNothing() throws Exception {
		long before = matters();
		mvc.perform(multipart("/portal/submit").param("formToken", token()).with(csrf()).with(from(newIp())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请选择类型。")))
			.andExpect(content().string(containsString("请填写标题。")))
			.andExpect(content().string(containsString("请填写具体内容。")))
			.andExpect(content().string(containsString("请填写地址。")))
			.andExpect(content().string(containsString("请填写姓名。")))
			.andExpect(content().string(containsString("请填写手机号码。")))
			.andExpect(content().string(containsString("请阅读并同意隐私说明。")));
		assertThat(matters()).isEqualTo(before);
	}

	@Test
	void aRefusedFormComesBackWithEverythingTypedEscaped() throws Exception {
		String token = token();
		mvc.perform(valid(newIp(), "12345", "formToken", token, "title", "<script>alert(1)</script>", "enterpriseName",
				"包头某某科技有限公司", "creditCode", "12345"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("手机号码应为 11 位数字")))
			.andExpect(content().string(containsString("统一社会信用代码不正确")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString("小区旁工地每晚十一点后仍在施工")))
			.andExpect(content().string(containsString("昆区钢铁大街 18 号")))
			.andExpect(content().string(containsString("友谊社区")))
			.andExpect(content().string(containsString("王女士")))
			.andExpect(content().string(containsString("包头某某科技有限公司")))
			.andExpect(content().string(containsString("value=\"" + token + "\"")))
			.andExpect(content().string(matchesPattern("(?s).*value=\"COMPLAINT\"[^>]*checked.*")));
	}

	@Test
	void onlyATipOffMayBeAnonymous() throws Exception {
		long before = matters();
		mvc.perform(valid(newIp(), newPhone(), "anonymous", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("只有“举报”可以匿名")));
		assertThat(matters()).isEqualTo(before);

		MvcResult result = mvc.perform(multipart("/portal/submit").param("formToken", token())
			.param("kind", "TIP_OFF")
			.param("title", "有人在出租屋内聚众赌博")
			.param("description", "每天晚上八点以后，十几个人进出。")
			.param("address", "昆区某小区 5 号楼")
			.param("anonymous", "true")
			.param("name", "不应保存")
			.param("phone", "13800000000")
			.param("consent", "true")
			.with(csrf())
			.with(from(newIp())))
			.andExpect(status().isFound())
			.andReturn();
		Map<String, Object> matter = matterByCode(code(result));
		assertThat(matter.get("submitter_anonymous")).isEqualTo(true);
		assertThat(matter.get("submitter_name")).isNull();
		assertThat(matter.get("submitter_phone")).isNull();
	}

	@Test
	void anAnonymousTipOffsReceiptShowsItsPinAndTheSameFormAgainShowsTheSamePin() throws Exception {
		String token = token();
		String ip = newIp();
		String[] tipOff = { "formToken", token, "kind", "TIP_OFF", "anonymous", "true", "name", "", "phone", "" };
		MvcResult first = mvc.perform(valid(ip, "", tipOff)).andExpect(status().isFound()).andReturn();
		String page = mvc.perform(get("/portal/submit/receipt").cookie(first.getResponse().getCookies()))
			.andExpect(content().string(containsString("查询密码（只显示这一次）")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String pin = page.replaceAll("(?s).*id=\"tracking-pin\">(\\d+)<.*", "$1");
		assertThat(pin).matches("\\d{4,8}");
		assertThat(first.getFlashMap().get("receipt").toString()).doesNotContain(pin);

		MvcResult again = mvc.perform(valid(ip, "", tipOff)).andExpect(status().isFound()).andReturn();
		assertThat(code(again)).isEqualTo(code(first));
		mvc.perform(get("/portal/submit/receipt").cookie(again.getResponse().getCookies()))
			.andExpect(content().string(containsString("id=\"tracking-pin\">" + pin + "<")));
	}

	@Test
	void consentToThePrivacyNoticeIsRequired() throws Exception {
		long before = matters();
		mvc.perform(valid(newIp(), newPhone(), "consent", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请阅读并同意隐私说明。")));
		assertThat(matters()).isEqualTo(before);
		mvc.perform(get("/portal/privacy"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("我们收集什么")));
	}

	@Test
	void descriptionsOfMoreThan4000CharactersAreRefused() throws Exception {
		long before = matters();
		mvc.perform(valid(newIp(), newPhone(), "description", "字".repeat(4001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("内容过长，最多 4000 个字。")));
		assertThat(matters()).isEqualTo(before);
		mvc.perform(valid(newIp(), newPhone(), "description", "字".repeat(4000))).andExpect(status().isFound());
		assertThat(matters()).isEqualTo(before + 1);
		// The database counts UTF-16 units: 2,001 characters outside the BMP are 4,002 and refused here, not there.
		mvc.perform(valid(newIp(), newPhone(), "description", "𠀋".repeat(2001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("内容过长，最多 4000 个字。")));
		assertThat(matters()).isEqualTo(before + 1);
	}

	@Test
	void aFilledHoneypotLooksLikeSuccessButCreatesNothing() throws Exception {
		long before = matters();
		MvcResult result = mvc.perform(valid(newIp(), newPhone(), "website", "http://spam.example"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/submit/receipt"))
			.andReturn();
		assertThat(code(result)).hasSize(12);
		assertThat(matters()).isEqualTo(before);
	}

	@Test
	void theSameFormSentTwiceMakesOneMatterAndTheSameReceipt() throws Exception {
		String token = token();
		String ip = newIp();
		String phone = newPhone();
		long before = matters();
		MvcResult first = mvc.perform(valid(ip, phone, "formToken", token)).andExpect(status().isFound()).andReturn();
		MvcResult second = mvc.perform(valid(ip, phone, "formToken", token)).andExpect(status().isFound()).andReturn();
		assertThat(code(second)).isEqualTo(code(first));
		assertThat(matters()).isEqualTo(before + 1);
	}

	@Test
	void aFormWithoutAValidTokenIsShownAgainWithANewOne() throws Exception {
		long before = matters();
		mvc.perform(valid(newIp(), newPhone(), "formToken", "not-a-token"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("表单已过期")));
		assertThat(matters()).isEqualTo(before);
	}

	@Test
	void moreThanFiveSubmissionsFromOneAddressAreRefusedWithRetryAfter() throws Exception {
		String ip = newIp();
		for (int i = 0; i < 5; i++) {
			mvc.perform(valid(ip, newPhone())).andExpect(status().isFound());
		}
		long before = matters();
		mvc.perform(valid(ip, newPhone()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("操作太频繁")))
			.andExpect(content().string(containsString("分钟后再试")));
		assertThat(matters()).isEqualTo(before);
		// Retry-After: one submission comes back every 2 minutes (5 per 10 minutes).
		String retryAfter = mvc.perform(valid(ip, newPhone())).andReturn().getResponse().getHeader("Retry-After");
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 120L);
	}

	@Test
	void moreThanThreeSubmissionsWithOnePhoneAreRefused() throws Exception {
		String phone = newPhone();
		for (int i = 0; i < 3; i++) {
			mvc.perform(valid(newIp(), phone)).andExpect(status().isFound());
		}
		String ip = newIp();
		mvc.perform(valid(ip, phone)).andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
		// The address was not charged for the refused phone: it can still send five with other numbers.
		for (int i = 0; i < 5; i++) {
			mvc.perform(valid(ip, newPhone())).andExpect(status().isFound());
		}
	}

	@Test
	void aProgramRenamedJpgIsRefusedAndNothingIsKept() throws Exception {
		long before = matters();
		mvc.perform(valid(newIp(), newPhone()).file(new MockMultipartFile("attachments", "现场照片.jpg", "image/jpeg", EXE)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("不是 JPG、PNG 或 PDF 文件")))
			.andExpect(content().string(containsString("刚才选择的附件没有保存，请重新选择")));
		assertThat(matters()).isEqualTo(before);
	}

	@Test
	void photosAndPdfsAreAttachedForStaffOnly() throws Exception {
		MvcResult result = mvc.perform(valid(newIp(), newPhone())
			.file(new MockMultipartFile("attachments", "现场.png", "image/png", PNG))
			.file(new MockMultipartFile("attachments", "材料.pdf", "application/pdf", PDF)))
			.andExpect(status().isFound())
			.andReturn();
		long id = ((Number) matterByCode(code(result)).get("id")).longValue();
		assertThat(jdbc.sql("SELECT uploaded_by FROM matter_attachment WHERE matter_id = :id ORDER BY id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("submitter", "submitter");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM matter_attachment WHERE matter_id = :id")
			.param("id", id).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void moreThanFiveFilesAreRefused() throws Exception {
		MockMultipartHttpServletRequestBuilder request = valid(newIp(), newPhone());
		for (int i = 0; i < 6; i++) {
			request.file(new MockMultipartFile("attachments", "p" + i + ".png", "image/png", PNG));
		}
		long before = matters();
		mvc.perform(request)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("最多只能上传 5 个附件")));
		assertThat(matters()).isEqualTo(before);
	}

	@Test
	void wordsOfUrgencyBringUpThe110AdviceOnTheFormAndTheReceipt() throws Exception {
		mvc.perform(get("/portal/submit"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-urgent-words=\"被困,持刀")))
			.andExpect(content().string(containsString("data-urgent-advice")));
		MvcResult result = mvc.perform(valid(newIp(), newPhone(), "kind", "HELP", "description",
				"孩子被困在家里，门打不开"))
			.andExpect(status().isFound())
			.andReturn();
		mvc.perform(get("/portal/submit/receipt").cookie(result.getResponse().getCookies()))
			.andExpect(content().string(containsString("如果有人身危险或警情正在发生，请立即拨打110")));
	}

	@Test
	void aCsrfTokenIsRequired() throws Exception {
		long before = matters();
		mvc.perform(multipart("/portal/submit").param("formToken", token()).param("kind", "HELP").with(from(newIp())))
			.andExpect(status().isForbidden());
		assertThat(matters()).isEqualTo(before);
	}

}
