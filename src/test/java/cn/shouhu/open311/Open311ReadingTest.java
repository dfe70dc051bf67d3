package cn.shouhu.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;

import cn.shouhu.matters.Dispatch;
import cn.shouhu.matters.MatterDesk;
import cn.shouhu.matters.Satisfaction;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.OrganizationSetup;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * GET requests and GET requests/{id}: an app reads back only what it filed, never a citizen's personal data, and
 * follows the closed loop — lead unit, reply deadline, the approved reply, closed.
 */
class Open311ReadingTest extends Open311TestSupport {

	private static final AtomicInteger UNITS = new AtomicInteger();

	@Autowired
	MatterDesk desk;

	@Autowired
	OrganizationSetup organization;

	@Autowired
	OrganizationDirectory directory;

	private String file(String key, Map<String, String> form) throws Exception {
		MvcResult posted = call(postForm("json", form));
		assertThat(posted.getResponse().getStatus()).as(body(posted)).isEqualTo(200);
		return valid(posted, "post-request").get(0).get("service_request_id").asText();
	}

	@Test
	void aFiledRequestIsFollowedThroughTheLoopWithoutPersonalData() throws Exception {
		String key = newKey();
		String id = file(key, helpRequest(key));

		JsonNode received = valid(get("/requests/" + id + ".json", "api_key", key), "requests").get(0);
		assertThat(received.get("status").asText()).isEqualTo("open");
		assertThat(received.get("service_code").asText()).isEqualTo("EMERGENCY");
		assertThat(received.get("service_name").asText()).isEqualTo("紧急求助");
		assertThat(received.get("agency_responsible").isNull()).isTrue();
		assertThat(received.get("requested_datetime").asText()).endsWith("+08:00");
		assertThat(received.get("lat").asDouble()).isEqualTo(40.6562);
		assertThat(received.get("address").asText()).contains("沼潭街道");
		String text = body(get("/requests/" + id + ".json", "api_key", key));
		assertThat(text).doesNotContain("王女士", PHONE, "wang@example.cn", "两岁孩子", "photos/1.jpg", "device-1");

		long branch = organization.isEmpty() ? organization.createUnit(null, "测试分局", UnitType.BRANCH, 0)
				: directory.activeUnits().get(0).id();
		long station = organization.createUnit(branch, "沼潭派出所 O" + UNITS.incrementAndGet(), UnitType.STATION, 1);
		long matterId = Long.parseLong(id);
		desk.dispatch(staff(Role.COORDINATOR, station), matterId, version(matterId),
				new Dispatch("EMERGENCY", null, station, List.of(), "内部：先联系开锁"));
		desk.sign(staff(Role.HANDLER, station), matterId, version(matterId));
		desk.draftReply(staff(Role.HANDLER, station), matterId, version(matterId), "民警已到场协助开锁，孩子安全。",
				"联系社区加装备用钥匙箱");
		desk.approveReply(staff(Role.UNIT_LEADER, station), matterId, version(matterId));

		JsonNode replied = valid(get("/requests/" + id + ".json", "api_key", key), "requests").get(0);
		assertThat(replied.get("status").asText()).isEqualTo("open");
		assertThat(replied.get("agency_responsible").asText()).startsWith("沼潭派出所 O");
		assertThat(replied.get("status_notes").asText()).contains("民警已到场协助开锁").contains("备用钥匙箱");
		assertThat(OffsetDateTime.parse(replied.get("expected_datetime").asText()).getOffset())
			.isEqualTo(ZoneOffset.ofHours(8));
		assertThat(body(get("/requests/" + id + ".json", "api_key", key))).doesNotContain("内部");

		desk.recordFollowUp(staff(Role.COORDINATOR, station), matterId, version(matterId), Satisfaction.SATISFIED, null);
		Document closed = xml(get("/requests/" + id + ".xml", "api_key", key));
		assertThat(xpath(closed, "/service_requests/request/service_request_id")).isEqualTo(id);
		assertThat(xpath(closed, "/service_requests/request/status")).isEqualTo("closed");
		assertThat(count(closed, "/service_requests/request/description")).isEqualTo(1);
		assertThat(xpath(closed, "/service_requests/request/description")).isEmpty();
		assertThat(xpath(closed, "/service_requests/request/media_url")).isEmpty();
	}

	@Test
	void anAppSeesOnlyWhatItFiled() throws Exception {
		String mine = newKey();
		String theirs = newKey();
		String myId = file(mine, helpRequest(mine));
		String theirId = file(theirs, helpRequest(theirs));

		JsonNode list = valid(get("/requests.json", "api_key", mine), "requests");
		assertThat(list.findValuesAsText("service_request_id")).containsExactly(myId);
		MvcResult other = get("/requests/" + theirId + ".json", "api_key", mine);
		assertThat(other.getResponse().getStatus()).isEqualTo(404);
		valid(other, "errors");
		assertThat(valid(get("/requests.json", "api_key", mine, "service_request_id", myId + "," + theirId),
				"requests").findValuesAsText("service_request_id")).containsExactly(myId);

		assertThat(get("/requests.json").getResponse().getStatus()).isEqualTo(403);
		assertThat(get("/requests/" + myId + ".json").getResponse().getStatus()).isEqualTo(403);
		assertThat(get("/requests/" + myId + ".xml", "api_key", "wrong").getResponse().getStatus()).isEqualTo(403);
		assertThat(get("/requests/abc.json", "api_key", mine).getResponse().getStatus()).isEqualTo(404);
		assertThat(get("/requests/999999999.json", "api_key", mine).getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theSpecsFiltersNarrowTheList() throws Exception {
		String key = newKey();
		String help = file(key, helpRequest(key));
		Map<String, String> noise = helpRequest(key);
		noise.put("service_code", "PUBLIC_ORDER");
		noise.put("attribute[kind]", "COMPLAINT");
		noise.put("description", "楼下烧烤店每晚营业到凌晨，噪音扰民。");
		String complaint = file(key, noise);

		assertThat(valid(get("/requests.json", "api_key", key), "requests").findValuesAsText("service_request_id"))
			.containsExactly(complaint, help);
		assertThat(valid(get("/requests.json", "api_key", key, "service_code", "PUBLIC_ORDER"), "requests")
			.findValuesAsText("service_request_id")).containsExactly(complaint);
		assertThat(valid(get("/requests.json", "api_key", key, "service_code", "EMERGENCY,PUBLIC_ORDER", "status",
				"open"), "requests").findValuesAsText("service_request_id")).containsExactly(complaint, help);
		assertThat(valid(get("/requests.json", "api_key", key, "status", "closed"), "requests")).isEmpty();

		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
		assertThat(valid(get("/requests.json", "api_key", key, "start_date", now.minusDays(1).toString(), "end_date",
				now.plusMinutes(1).toString()), "requests")).hasSize(2);
		assertThat(valid(get("/requests.json", "api_key", key, "end_date", now.minusDays(1).toString()), "requests"))
			.isEmpty();

		Document xml = xml(get("/requests.xml", "api_key", key, "service_code", "PUBLIC_ORDER"));
		assertThat(count(xml, "/service_requests/request")).isEqualTo(1);
		assertThat(xpath(xml, "/service_requests/request/service_code")).isEqualTo("PUBLIC_ORDER");
	}

	@Test
	void badFiltersAre400() throws Exception {
		String key = newKey();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
		Object[][] cases = { { "start_date", "yesterday" }, { "end_date", "2026-11-29" }, { "status", "pending" },
				{ "service_request_id", "1,abc" } };
		for (Object[] each : cases) {
			MvcResult result = get("/requests.json", "api_key", key, each[0], each[1]);
			assertThat(result.getResponse().getStatus()).as("%s=%s", each[0], each[1]).isEqualTo(400);
			valid(result, "errors");
		}
		MvcResult tooLong = get("/requests.xml", "api_key", key, "start_date", now.minusDays(91).toString(),
				"end_date", now.toString());
		assertThat(tooLong.getResponse().getStatus()).isEqualTo(400);
		assertThat(xpath(xml(tooLong), "/errors/error/description")).contains("90 天");
	}

	@Test
	void aTipOffComesBackWithoutItsPlace() throws Exception {
		String key = newKey();
		Map<String, String> form = helpRequest(key);
		form.put("service_code", "CRIME");
		form.put("attribute[kind]", "TIP_OFF");
		form.put("address_id", "A-17");
		String id = file(key, form);
		JsonNode tipOff = valid(get("/requests/" + id + ".json", "api_key", key), "requests").get(0);
		assertThat(tipOff.get("address").isNull()).isTrue();
		assertThat(tipOff.get("address_id").isNull()).isTrue();
		assertThat(tipOff.get("lat").isNull()).isTrue();
		assertThat(tipOff.get("long").isNull()).isTrue();
	}

	private int version(long matterId) {
		return desk.details(staff(Role.COORDINATOR, 1), matterId).version();
	}

	private static CurrentStaff staff(Role role, long unitId) {
		return new CurrentStaff(9000 + role.ordinal(), "open311-" + role.name().toLowerCase(), 9000 + role.ordinal(),
				"测试民警", unitId, "测试单位", java.util.Set.of(role));
	}

}
