package cn.shouhu.matters.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.shouhu.TestStaff;
import cn.shouhu.shared.Role;

/** 分类模型: the versions page, 重新训练 and 设为当前, for system administrators only. */
@SpringBootTest(properties = { "shouhu.test.context=suggestion-models-page", SuggestionModelsContract.PROPERTIES_CORPUS,
		SuggestionModelsContract.PROPERTIES_JOB_OFF })
@AutoConfigureMockMvc
class ModelsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SuggestionModels models;

	@Autowired
	ModelStore store;

	@Autowired
	ActiveModel active;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void onlyTheDefaultModel() {
		jdbc.sql("DELETE FROM suggestion_model").update();
		active.refresh();
		models.start();
	}

	@Test
	void theAdministratorSeesTheVersionsRetrainsAndSwitchesBack() throws Exception {
		mvc.perform(get("/matters/suggestions/models").with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("分类模型")))
			.andExpect(content().string(containsString("data-model=\"1\"")))
			.andExpect(content().string(containsString("项目语料")))
			.andExpect(content().string(containsString("当前")));

		mvc.perform(post("/matters/suggestions/models/retrain").with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1)))
			.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/matters/suggestions/models"));
		assertThat(models.versions()).hasSize(2);
		long second = models.versions().get(0).id();

		mvc.perform(post("/matters/suggestions/models/" + second + "/activate")
			.with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1)))
			.with(csrf())).andExpect(status().isFound()).andExpect(flash().attribute("flashSuccess",
					"matters-suggestions.model.activated"));
		assertThat(store.activeId()).contains(second);
		mvc.perform(post("/matters/suggestions/models/1/activate").with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1)))
			.with(csrf())).andExpect(status().isFound());
		assertThat(store.activeId()).contains(1L);
		assertThat(active.current().orElseThrow().id()).isEqualTo(1);
	}

	@Test
	void anUnknownVersionIsNotFoundAndOthersMayNotTouchTheModels() throws Exception {
		mvc.perform(post("/matters/suggestions/models/999999/activate")
			.with(authentication(TestStaff.as(Role.SYSTEM_ADMIN, 1)))
			.with(csrf())).andExpect(status().isNotFound());
		for (Role role : new Role[] { Role.INTAKE_CLERK, Role.COORDINATOR, Role.SECURITY_ADMIN }) {
			mvc.perform(get("/matters/suggestions/models").with(authentication(TestStaff.as(role, 1))))
				.andExpect(status().isForbidden());
			mvc.perform(post("/matters/suggestions/models/retrain").with(authentication(TestStaff.as(role, 1)))
				.with(csrf())).andExpect(status().isForbidden());
			mvc.perform(post("/matters/suggestions/models/1/activate").with(authentication(TestStaff.as(role, 1)))
				.with(csrf())).andExpect(status().isForbidden());
		}
		assertThat(models.versions()).hasSize(1);
		assertThat(store.activeId()).contains(1L);
	}

}
