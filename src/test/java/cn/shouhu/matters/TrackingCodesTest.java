package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingCodesTest {

	@Test
	void codesAreTwelveUnambiguousCharactersAndDoNotRepeat() {
		Set<String> codes = new HashSet<>();
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 20_000; i++) {
			String code = TrackingCodes.next();
			assertThat(code).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}");
			assertThat(TrackingCodes.isWellFormed(code)).isTrue();
			code.chars().forEach(c -> seen.add((char) c));
			codes.add(code);
		}
		assertThat(codes).hasSize(20_000);
		assertThat(seen).as("every character of the alphabet is used").hasSize(32);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "ABCDEFGHJKL", "ABCDEFGHJKLMN", "ABCDEFGHJKL0", "ABCDEFGHJKLO", "ABCDEFGHJKL1",
			"abcdefghjklm", "' OR 1=1 --" })
	void otherTextIsNotACode(String text) {
		assertThat(TrackingCodes.isWellFormed(text)).isFalse();
	}

}
