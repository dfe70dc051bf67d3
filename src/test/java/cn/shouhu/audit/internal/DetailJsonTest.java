package cn.shouhu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DetailJsonTest {

	record Submitter(String name, String phone, String idNumber) {
	}

	@Test
	void masksPhoneIdNumberAndPasswordOnBothSides() {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("phone", "13812345678");
		before.put("idNumber", "150203199001011234");
		before.put("passwordHash", "$argon2id$v=19$secret");
		before.put("name", "张三");
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("phone", "13987654321");

		String json = DetailJson.beforeAfter(before, after);

		assertThat(json).contains("\"phone\":\"138****5678\"", "\"phone\":\"139****4321\"",
				"\"idNumber\":\"150203********1234\"", "\"passwordHash\":\"******\"", "\"name\":\"张三\"");
		assertThat(json).doesNotContain("13812345678", "13987654321", "150203199001011234", "argon2id");
	}

	@Test
	void masksInsideNestedObjectsListsAndValueObjects() {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("submitter", new Submitter("李四", "13812345678", "150203199001011234"));
		after.put("contacts", List.of(Map.of("mobile", "13600001111")));
		after.put("phones", List.of("13700002222", "13700003333"));
		after.put("phoneNumber", 13812345678L);

		String json = DetailJson.beforeAfter(null, after);

		assertThat(json).contains("138****5678", "150203********1234", "136****1111", "137****2222",
				"137****3333", "李四");
		assertThat(json).doesNotContain("13812345678", "13600001111", "13700002222", "150203199001011234",
				"\"before\"");
	}

	@Test
	void sortsKeysAndWritesDatesAsIsoText() {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("zeta", 1);
		after.put("alpha", LocalDate.of(2025, 5, 1));

		assertThat(DetailJson.beforeAfter(null, after))
			.isEqualTo("{\"after\":{\"alpha\":\"2025-05-01\",\"zeta\":1}}");
	}

	@Test
	void nothingToSayIsNull() {
		assertThat(DetailJson.beforeAfter(null, null)).isNull();
		assertThat(DetailJson.of(Map.of())).isNull();
	}

}
