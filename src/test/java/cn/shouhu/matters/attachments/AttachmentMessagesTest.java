package cn.shouhu.matters.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every attachment message the code and the pages name exists in Chinese and in English. */
class AttachmentMessagesTest {

	private static final Pattern KEY = Pattern.compile("(matters-attachments\\.[A-Za-z]+)");

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(
				AttachmentMessagesTest.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static Set<String> usedKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		List<Path> files;
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/cn/shouhu/matters/attachments"))) {
			files = new ArrayList<>(sources.filter(path -> path.toString().endsWith(".java")).toList());
		}
		files.add(Path.of("src/main/resources/templates/matters/intake.html"));
		files.add(Path.of("src/main/resources/templates/matters/show.html"));
		for (Path file : files) {
			Matcher matcher = KEY.matcher(Files.readString(file));
			while (matcher.find()) {
				keys.add(matcher.group(1));
			}
		}
		return keys;
	}

	@ParameterizedTest
	@ValueSource(strings = { "matters-attachments.properties", "matters-attachments_en.properties" })
	void everyKeyIsThere(String name) throws IOException {
		Set<String> used = usedKeys();
		assertThat(used).contains("matters-attachments.badType", "matters-attachments.section");
		assertThat(bundle(name).stringPropertyNames()).containsAll(used);
		assertThat(bundle(name).stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("matters-attachments.properties").stringPropertyNames());
	}

}
