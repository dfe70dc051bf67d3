package cn.shouhu.matters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.shouhu.TestStaff;
import cn.shouhu.matters.Channel;
import cn.shouhu.matters.Intake;
import cn.shouhu.matters.MatterKind;
import cn.shouhu.matters.Place;
import cn.shouhu.matters.Submitter;
import cn.shouhu.matters.Urgency;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.Role;

/**
 * 分类建议 on the pages, with the default model trained from the project corpus at start: the intake fragment
 * (three categories with their confidence and lead unit, and possible duplicates), the matter page of a matter to
 * dispatch (the same, with 关联 and 合并 one click away), and bad input.
 */
class SuggestionsPageTest extends MatterWebTest {

	private static final Pattern CATEGORY = Pattern.compile("data-suggested-category=\"([A-Z_]+)\"");

	private static final Pattern PERCENT = Pattern.compile("class=\"confidence\">(\\d+)%<");

	private String fragment(CurrentStaff staff, String title, String description) throws Exception {
		return mvc.perform(get("/matters/intake/suggestions").param("title", title)
			.param("description", description)
			.param("community", community)
			.with(authentication(TestStaff.as(staff))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String page(CurrentStaff staff, long id) throws Exception {
		return mvc.perform(get("/matters/" + id).with(authentication(TestStaff.as(staff))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** A matter recorded without a category, as it reaches the coordinators. */
	private long unclassified(String title, String description) {
		return desk.intake(clerk(), new Intake(Channel.PHONE, MatterKind.COMPLAINT, null, Urgency.NORMAL, title,
				description, new Place("青山路某小区北门", community, null, null),
				new Submitter(false, "赵先生", "13904721234", null, null, null)))
			.id();
	}

	private static long count(Pattern pattern, String html) {
		return pattern.matcher(html).results().count();
	}

	@Test
	void theIntakeFragmentShowsThreeCategoriesMostLikelyFirstWithPercentagesAndTheLeadUnit() throws Exception {
		String html = fragment(clerk(), "孩子被反锁在家", "孩子一个人在家，门被风关上反锁了，孩子在屋里哭，请求开锁");
		assertThat(count(CATEGORY, html)).isEqualTo(3);
		Matcher first = CATEGORY.matcher(html);
		assertThat(first.find()).isTrue();
		assertThat(first.group(1)).isEqualTo("EMERGENCY");
		int[] percents = PERCENT.matcher(html).results().mapToInt(m -> Integer.parseInt(m.group(1))).toArray();
		assertThat(percents).hasSize(3);
		assertThat(percents[0]).isGreaterThanOrEqualTo(percents[1]).isGreaterThan(30);
		assertThat(percents[1]).isGreaterThanOrEqualTo(percents[2]);
		assertThat(html).contains("建议主办单位：沼潭" + suffix + "派出所", "data-category-select=\"categoryCode\"");
	}

	@Test
	void aSimilarOpenMatterOfTheSameCommunityIsAPossibleDuplicateAtIntake() throws Exception {
		String title = "小区门口夜间施工噪音扰民" + suffix;
		long earlier = unclassified(title, "每晚十一点后仍在施工，噪音很大，影响老人和孩子休息。");
		String html = fragment(clerk(), "工地晚上施工太吵" + suffix, "小区北门的工地每天晚上十一点以后还在施工，噪音太大，孩子和老人都睡不好。");
		assertThat(html).contains("data-duplicate=\"" + earlier + "\"", title, "相似度")
			// Nothing to link or merge at intake: the new matter does not exist yet.
			.doesNotContain("/link\"", "/merge\"");
	}

	@Test
	void theDispatchPageSuggestsCategoriesPreselectsTheFirstAndOffersLinkAndMergeForDuplicates() throws Exception {
		String title = "楼下烧烤店凌晨喧哗扰民" + suffix;
		long earlier = unclassified(title, "楼下烧烤店每天营业到凌晨两点，客人喝酒划拳，吵得全楼睡不着。");
		long id = unclassified("烧烤店半夜太吵" + suffix, "楼下的烧烤店每天营业到凌晨两点多，喝酒划拳声音很大，全楼的人都睡不着。");

		String html = page(coordinator(), id);
		assertThat(count(CATEGORY, html)).isEqualTo(3);
		Matcher first = CATEGORY.matcher(html);
		assertThat(first.find()).isTrue();
		assertThat(first.group(1)).isEqualTo("PUBLIC_ORDER");
		assertThat(html).contains("<option value=\"PUBLIC_ORDER\" selected=\"selected\">")
			.contains("data-category-select=\"dispatch-categoryCode\"", "data-lead-unit-select=\"dispatch-leadUnitId\"")
			.contains("data-duplicate=\"" + earlier + "\"", "data-link-to=\"" + earlier + "\"",
					"data-merge-into=\"" + earlier + "\"")
			.doesNotContain("data-duplicate=\"" + id + "\"");

		// One click: the button's form posts the matter's version and the other matter's number.
		mvc.perform(postAs(coordinator(), "/matters/" + id + "/link").param("version", String.valueOf(version(id)))
			.param("other", String.valueOf(earlier))).andExpect(status().isFound());
		assertThat(desk.details(coordinator(), id).duplicateOf()).isEqualTo(earlier);
	}

	@Test
	void aHandlerSeesNoSuggestions() throws Exception {
		long id = dispatchedToA("孩子被锁屋内" + suffix);
		assertThat(page(handlerA(), id)).doesNotContain("id=\"suggestions\"", "data-suggested-category");
	}

	@Test
	void badTextGetsNoGuessAndNoError() throws Exception {
		assertThat(fragment(clerk(), "！！！", "。。。？？？")).contains("输入标题和诉求内容后")
			.doesNotContain("data-suggested-category");
		assertThat(fragment(clerk(), "a".repeat(100), "a".repeat(4000))).contains("id=\"suggestions\"");
		assertThat(fragment(clerk(), "", "")).contains("输入标题和诉求内容后");
		mvc.perform(get("/matters/intake/suggestions").with(authentication(TestStaff.as(staff(Role.HANDLER, stationA)))))
			.andExpect(status().isForbidden());
	}

}
