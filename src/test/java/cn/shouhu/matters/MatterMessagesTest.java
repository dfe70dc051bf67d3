package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.shouhu.matters.TimelineEntry.ActorType;

/** Every message the module shows exists in Chinese and in English. */
class MatterMessagesTest {

	private static final Pattern KEY = Pattern.compile("\"(matters\\.[A-Za-z.]+)\"");

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(MatterMessagesTest.class.getResourceAsStream("/i18n/" + name),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	/** The keys the code names literally, and those it builds from enum constants. */
	private static Set<String> usedKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/cn/shouhu/matters"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(source));
				while (matcher.find()) {
					keys.add(matcher.group(1));
				}
			}
		}
		// Prefixes completed at run time, and access denials, which are answered with the shared error.403.
		keys.removeIf(key -> key.endsWith(".") || key.startsWith("matters.denied."));
		for (MatterAction action : MatterAction.values()) {
			keys.add("matters.conflict." + action.name());
			keys.add("matters.action." + action.name());
		}
		constants(keys, "matters.state.", MatterState.values());
		constants(keys, "matters.kind.", MatterKind.values());
		constants(keys, "matters.channel.", Channel.values());
		constants(keys, "matters.urgency.", Urgency.values());
		constants(keys, "matters.satisfaction.", Satisfaction.values());
		constants(keys, "matters.task.state.", TaskState.values());
		constants(keys, "matters.timeline.", TimelineAction.values());
		constants(keys, "matters.actor.", ActorType.values());
		constants(keys, "matters.limitUnit.", TimeLimits.Unit.values());
		constants(keys, "matters.public.step.", PublicStep.values());
		for (MatterState state : MatterState.values()) {
			keys.add(PublicMatterReader.stateKey(state));
		}
		return keys;
	}

	private static void constants(Set<String> keys, String prefix, Enum<?>[] values) {
		for (Enum<?> value : values) {
			keys.add(prefix + value.name());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "matters.properties", "matters_en.properties" })
	void everyKeyIsThere(String name) throws IOException {
		Properties bundle = bundle(name);

		assertThat(bundle.stringPropertyNames()).containsAll(usedKeys());
		assertThat(bundle.stringPropertyNames()).allMatch(key -> key.startsWith("matters."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "matters.properties", "matters_en.properties" })
	void bothLanguagesHaveTheSameKeys(String name) throws IOException {
		assertThat(bundle(name).stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("matters.properties").stringPropertyNames());
	}

	@ParameterizedTest
	@ValueSource(strings = { "matters.properties", "matters_en.properties" })
	void numbersAreWrittenWithoutSeparators(String name) throws IOException {
		Properties bundle = bundle(name);

		MessageFormat format = new MessageFormat(bundle.getProperty("matters.input.tooLong"), Locale.CHINA);

		String text = format.format(new Object[] { 4000 });

		assertThat(text).contains("4000").doesNotContain("4,000");
	}

}
