package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The identifier checks against published examples, against check characters computed here another way, and
 * against near misses.
 */
class IdentifiersTest {

	/** ISO 7064 MOD 11-2 by its recursive definition (not the weight table the code uses). */
	private static char idCheck(String first17) {
		int p = 0;
		for (char c : first17.toCharArray()) {
			p = ((p + (c - '0')) * 2) % 11;
		}
		int value = (12 - p) % 11;
		return value == 10 ? 'X' : (char) ('0' + value);
	}

	private static final String GB32100 = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** GB 32100-2015 §5: weights 3^(i-1) mod 31, check = 31 - (sum mod 31), 31 written as 0. */
	private static char creditCheck(String first17) {
		int sum = 0;
		int weight = 1;
		for (char c : first17.toCharArray()) {
			sum += GB32100.indexOf(c) * weight;
			weight = weight * 3 % 31;
		}
		int value = 31 - sum % 31;
		return GB32100.charAt(value == 31 ? 0 : value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "13800138000", "19912345678", "14712345678", "16600001111", "13847215678" })
	void mobileNumbers(String phone) {
		assertThat(Identifiers.isMobilePhone(phone)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "12345678901", "10012345678", "1380013800", "138001380001", "138-0013-8000", "23800138000",
			"0471-1234567", "+8613800138000", "1380013800a" })
	void notMobileNumbers(String phone) {
		assertThat(Identifiers.isMobilePhone(phone)).isFalse();
	}

	/** The two examples of GB 11643-1999 itself; the second was born in 1880, before any living submitter. */
	@Test
	void publishedIdNumbers() {
		assertThat(Identifiers.idNumberCheckChar("11010519491231002")).isEqualTo('X');
		assertThat(Identifiers.idNumberCheckChar("44052418800101001")).isEqualTo('4');
		assertThat(Identifiers.isIdNumber("11010519491231002X")).isTrue();
		assertThat(Identifiers.isIdNumber("440524188001010014")).isFalse();
		assertThat(Identifiers.isIdNumber("440524190001010017")).as("1900-01-01, check 7").isTrue();
	}

	@Test
	void idNumbersWithComputedCheckCharacters() {
		Random random = new Random(20260930);
		int withX = 0;
		for (int i = 0; i < 2000; i++) {
			String first17 = String.format("150203%04d%02d%02d%03d", 1930 + random.nextInt(90), 1 + random.nextInt(12),
					1 + random.nextInt(28), random.nextInt(1000));
			char check = idCheck(first17);
			withX += check == 'X' ? 1 : 0;
			assertThat(Identifiers.isIdNumber(first17 + check)).as(first17 + check).isTrue();
			char wrong = check == '0' ? '1' : '0';
			assertThat(Identifiers.isIdNumber(first17 + wrong)).as(first17 + wrong).isFalse();
		}
		assertThat(withX).as("the X check character occurred").isPositive();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = {
			// a wrong check character
			"110105194912310021", "440524188001010015",
			// lower-case x (the intake upper-cases before checking)
			"11010519491231002x",
			// no such date: 1990-02-30, month 13
			"150203199002301234", "150203199013011234",
			// before 1900
			"150203189912311234",
			// 15-digit numbers of before 1999, 17 and 19 digits, a leading zero, letters
			"150203900101123", "15020319900101123", "1502031990010112345", "050203199001011234", "15020319900101A234" })
	void notIdNumbers(String idNumber) {
		assertThat(Identifiers.isIdNumber(idNumber)).isFalse();
	}

	@Test
	void theDateRuleStandsApartFromTheChecksum() {
		String feb30 = "15020319900230123";
		assertThat(Identifiers.isIdNumber(feb30 + idCheck(feb30))).isFalse();
		String leapDay = "15020320000229123";
		assertThat(Identifiers.isIdNumber(leapDay + idCheck(leapDay))).isTrue();
	}

	/** A commonly cited specimen and two enterprises' published codes (华为技术有限公司, 深圳市腾讯计算机系统有限公司). */
	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "914403001922038216", "91440300708461136T" })
	void publishedCreditCodes(String code) {
		assertThat(Identifiers.isCreditCode(code)).isTrue();
		assertThat(Identifiers.creditCodeCheckChar(code.substring(0, 17))).isEqualTo(code.charAt(17));
	}

	@Test
	void creditCodesWithComputedCheckCharacters() {
		Random random = new Random(32100);
		for (int i = 0; i < 2000; i++) {
			StringBuilder code = new StringBuilder("9115020");
			code.append(random.nextInt(10));
			for (int j = 0; j < 9; j++) {
				code.append(GB32100.charAt(random.nextInt(GB32100.length())));
			}
			String first17 = code.toString();
			char check = creditCheck(first17);
			assertThat(Identifiers.isCreditCode(first17 + check)).as(first17 + check).isTrue();
			char wrong = GB32100.charAt((GB32100.indexOf(check) + 1) % GB32100.length());
			assertThat(Identifiers.isCreditCode(first17 + wrong)).as(first17 + wrong).isFalse();
		}
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = {
			// a wrong check character
			"91350100M000100Y44", "914403001922038217",
			// letters GB 32100 leaves out (I, O, S, V, Z) and lower case
			"91350100M000I00Y43", "91350100M000O00Y43", "91350100M000S00Y43", "91350100M000V00Y43",
			"91350100M000Z00Y43", "91350100m000100y43",
			// 17 and 19 characters, a 0 as the registering authority, letters in the region code
			"91350100M000100Y4", "91350100M000100Y430", "01350100M000100Y43", "9135A100M000100Y43" })
	void notCreditCodes(String code) {
		assertThat(Identifiers.isCreditCode(code)).isFalse();
	}

}
