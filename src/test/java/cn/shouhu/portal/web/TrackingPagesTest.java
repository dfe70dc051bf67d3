package cn.shouhu.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.MatterState;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Receipt;
import cn.shouhu.matters.Submitter;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;
import jakarta.servlet.http.Cookie;

/**
 * 查询进度 through the web layer: the code and proof only in POST bodies, one message for every mismatch, the
 * per-address limit, the encrypted cookie, and the submitter's three actions.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TrackingPagesTest {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final AtomicInteger UNITS = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	MatterDesk desk;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	private long branch;

	private long station;

	/** Each test looks up from its own address, so that the per-address limit of one does not touch another. */
	private String address;

	@BeforeEach
	void setUp() {
		branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		station = organization.createUnit(branch, "沼潭派出所-查询" + UNITS.incrementAndGet(), UnitType.STATION, 1);
		address = "10.77.0." + ADDRESSES.incrementAndGet();
	}

	private static CurrentStaff staff(Role role, long unitId) {
		return new CurrentStaff(3000 + unitId, "t" + unitId, 3000 + unitId, "民警张三", unitId, "单位" + unitId,
				EnumSet.of(role));
	}

	private Receipt submitted() {
		return desk.submit(new Intake(Channel.PORTAL, MatterKind.COMPLAINT, null, null, "夜间广场舞噪音扰民",
				"小区广场每晚九点后仍有广场舞，音响声音很大。", new Place("民族东路某小区广场", null, null, null),
				Submitter.person("赵先生", "15904721234")));
	}

	private int version(long id) {
		return desk.details(staff(Role.COORDINATOR, branch), id).version();
	}

	private Receipt replied() {
		Receipt receipt = submitted();
		long id = receipt.id();
		CurrentStaff handler = staff(Role.HANDLER, station);
		desk.dispatch(staff(Role.COORDINATOR, branch), id, version(id),
				new Dispatch("PUBLIC_ORDER", null, station, List.of(), "内部备注：重点关注"));
		desk.sign(handler, id, version(id));
		desk.recordProgress(handler, id, version(id), "内部进展：已联系物业");
		desk.draftReply(handler, id, version(id), "已约谈广场舞组织者，晚九点后停止使用音响。", "社区民警每晚巡查");
		desk.approveReply(staff(Role.UNIT_LEADER, station), id, version(id));
		return receipt;
	}

	private MockHttpServletRequestBuilder lookup(String code, String proof) {
		return post("/portal/track").param("code", code)
			.param("proof", proof)
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			});
	}

	private Cookie provenCookie(Receipt receipt) throws Exception {
		MockHttpServletResponse response = mvc.perform(lookup(receipt.trackingCode(), "1234"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/track/matter"))
			.andReturn()
			.getResponse();
		Cookie cookie = response.getCookie(TrackingCookie.NAME);
		assertThat(cookie).isNotNull();
		return cookie;
	}

	@Test
	void theCodeAndTheLastFourDigitsOpenThePageWithNothingSecretInAUrl() throws Exception {
		Receipt receipt = replied();
		String typed = receipt.trackingCode().toLowerCase().substring(0, 6) + " " + receipt.trackingCode().substring(6);

		MockHttpServletResponse response = mvc.perform(lookup(typed, " 1234 "))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/portal/track/matter"))
			.andReturn()
			.getResponse();

		String setCookie = response.getHeader("Set-Cookie");
		assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/portal/track");
		Cookie cookie = response.getCookie(TrackingCookie.NAME);
		assertThat(cookie.getValue()).doesNotContain(receipt.trackingCode()).doesNotContain("1234");
		mvc.perform(get("/portal/track/matter").cookie(cookie))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(containsString("夜间广场舞噪音扰民")))
			.andExpect(content().string(containsString("已约谈广场舞组织者")))
			.andExpect(content().string(containsString("社区民警每晚巡查")))
			.andExpect(content().string(containsString("沼潭派出所-查询")))
			.andExpect(content().string(containsString("已答复，请您评价")))
			.andExpect(content().string(not(containsString("内部"))))
			.andExpect(content().string(not(containsString("民警张三"))))
			.andExpect(content().string(not(containsString("15904721234"))));
	}

	@Test
	void anUnknownCodeAndAWrongProofGetTheSameMessageAndNoCookie() throws Exception {
		Receipt receipt = submitted();
		String unknown = receipt.trackingCode().charAt(0) == '2' ? "3" + receipt.trackingCode().substring(1)
				: "2" + receipt.trackingCode().substring(1);

		String wrongProof = mvc.perform(lookup(receipt.trackingCode(), "9999"))
			.andExpect(status().isNotFound())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknownCode = mvc.perform(lookup(unknown, "1234"))
			.andExpect(status().isNotFound())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(wrongProof).contains("查询码或验证信息不正确").doesNotContain("9999");
		assertThat(unknownCode).contains("查询码或验证信息不正确");
		assertThat(withoutTokens(wrongProof.replace(receipt.trackingCode(), "")))
			.isEqualTo(withoutTokens(unknownCode.replace(unknown, "")));
	}

	/** The page without its CSRF tokens, which are new on every response. */
	private static String withoutTokens(String page) {
		return page.replaceAll("[A-Za-z0-9_\\-]{30,}", "TOKEN");
	}

	@Test
	void blankFieldsAreAnsweredBesideThemWithoutTakingALookup() throws Exception {
		mvc.perform(lookup(" ", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请输入查询码。")))
			.andExpect(content().string(containsString("请输入手机号码后4位或查询密码。")));
	}

	@Test
	void lookupsFromOneAddressAreLimited() throws Exception {
		for (int i = 0; i < 20; i++) {
			mvc.perform(lookup("ABCDEFGHJKMN", "1234")).andExpect(status().isNotFound());
		}
		mvc.perform(lookup("ABCDEFGHJKMN", "1234"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().string(containsString("操作太频繁")));
		address = "10.78.0.1";
		mvc.perform(lookup("ABCDEFGHJKMN", "1234")).andExpect(status().isNotFound());
	}

	@Test
	void theSubmitterRatesTheReplyAndTheMatterCloses() throws Exception {
		Receipt receipt = replied();
		Cookie cookie = provenCookie(receipt);

		mvc.perform(post("/portal/track/rating").cookie(cookie)
			.param("satisfaction", "SATISFIED")
			.param("comment", "处理及时")
			.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/portal/track/matter?done=rated"));

		mvc.perform(get("/portal/track/matter").param("done", "rated").cookie(cookie))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("感谢您的评价")))
			.andExpect(content().string(containsString("已办结")))
			.andExpect(content().string(not(containsString("id=\"track-rate\""))));
		assertThat(desk.details(staff(Role.COORDINATOR, branch), receipt.id()).state()).isEqualTo(MatterState.CLOSED);
	}

	@Test
	void aRatingWithoutAChoiceOrAReopenWithoutAReasonChangesNothing() throws Exception {
		Receipt receipt = replied();
		Cookie cookie = provenCookie(receipt);

		mvc.perform(post("/portal/track/rating").cookie(cookie).param("comment", "还行").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请选择满意、基本满意或不满意。")))
			.andExpect(content().string(containsString("还行")));
		mvc.perform(post("/portal/track/reopen").cookie(cookie).param("reason", "  ").with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("此项必须填写")));
		assertThat(desk.details(staff(Role.COORDINATOR, branch), receipt.id()).state()).isEqualTo(MatterState.REPLIED);

		mvc.perform(post("/portal/track/reopen").cookie(cookie).param("reason", "音响仍然很响").with(csrf()))
			.andExpect(redirectedUrl("/portal/track/matter?done=reopened"));
		assertThat(desk.details(staff(Role.COORDINATOR, branch), receipt.id()).state()).isEqualTo(MatterState.REOPENED);
	}

	@Test
	void informationIsAddedAndShownOnTheTimeline() throws Exception {
		Receipt receipt = submitted();
		Cookie cookie = provenCookie(receipt);

		mvc.perform(post("/portal/track/information").cookie(cookie).param("text", "周末白天也有").with(csrf()))
			.andExpect(redirectedUrl("/portal/track/matter?done=information"));

		mvc.perform(get("/portal/track/matter").param("done", "information").cookie(cookie))
			.andExpect(content().string(containsString("补充材料已提交")))
			.andExpect(content().string(containsString("周末白天也有")));
	}

	@Test
	void withoutAValidCookieTheFormComesBackWithWhatWasTyped() throws Exception {
		Receipt receipt = submitted();
		Cookie cookie = provenCookie(receipt);
		char[] value = cookie.getValue().toCharArray();
		value[value.length - 3] = value[value.length - 3] == 'A' ? 'B' : 'A';
		Cookie tampered = new Cookie(TrackingCookie.NAME, new String(value));

		mvc.perform(get("/portal/track/matter").cookie(tampered))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请重新输入查询码")));
		mvc.perform(post("/portal/track/information").param("text", "我写了很久的补充").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请重新输入查询码")))
			.andExpect(content().string(containsString("我写了很久的补充")));
		assertThat(desk.details(staff(Role.COORDINATOR, branch), receipt.id()).timeline()).hasSize(1);
	}

	/** Found by TrackingFuzzTest in CI: a value shorter than an IV and a tag made Java 17's GCM throw, so 500. */
	@ParameterizedTest
	@ValueSource(strings = { "Abbbbbbbbbbbbbbbbbbbbbbbbbbb", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAA", "", "%%%" })
	void aCookieTooShortToBeOursIsAsIfThereWereNone(String value) throws Exception {
		Receipt receipt = submitted();
		Cookie forged = new Cookie(TrackingCookie.NAME, value);

		mvc.perform(get("/portal/track/matter").cookie(forged))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请重新输入查询码")));
		mvc.perform(post("/portal/track/information").cookie(forged).param("text", "补充").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请重新输入查询码")));
		assertThat(desk.details(staff(Role.COORDINATOR, branch), receipt.id()).timeline()).hasSize(1);
	}

	@Test
	void endingTheLookUpDeletesTheCookie() throws Exception {
		Cookie cookie = provenCookie(submitted());

		MockHttpServletResponse response = mvc.perform(post("/portal/track/end").cookie(cookie).with(csrf()))
			.andExpect(redirectedUrl("/portal/track?ended"))
			.andReturn()
			.getResponse();

		assertThat(response.getCookie(TrackingCookie.NAME).getMaxAge()).isZero();
		mvc.perform(get("/portal/track").param("ended", ""))
			.andExpect(content().string(containsString("已结束查询")));
	}

	@Test
	void anAnonymousTipOffIsOpenedWithItsPin() throws Exception {
		Receipt receipt = desk.submit(new Intake(Channel.PORTAL, MatterKind.TIP_OFF, null, null, "地下室聚众赌博",
				"某小区地下室每晚聚众赌博。", null, Submitter.anonymousPerson()));

		mvc.perform(lookup(receipt.trackingCode(), receipt.pin())).andExpect(redirectedUrl("/portal/track/matter"));
		mvc.perform(lookup(receipt.trackingCode(), receipt.pin().substring(2))).andExpect(status().isNotFound());
	}

}
