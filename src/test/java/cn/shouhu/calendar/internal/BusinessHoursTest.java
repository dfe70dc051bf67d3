package cn.shouhu.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessHoursTest {

	@Test
	void readsTheDefault() {
		BusinessHours hours = BusinessHours.parse("08:30-12:00,14:30-18:00");

		assertThat(hours.periods()).containsExactly(
				new BusinessHours.Period(LocalTime.of(8, 30), LocalTime.of(12, 0)),
				new BusinessHours.Period(LocalTime.of(14, 30), LocalTime.of(18, 0)));
		assertThat(hours.perDay()).isEqualTo(Duration.ofHours(7));
		assertThat(hours).hasToString("08:30-12:00,14:30-18:00");
	}

	@Test
	void toleratesSpacesAndTakesOnePeriod() {
		assertThat(BusinessHours.parse(" 09:00 - 17:00 ").perDay()).isEqualTo(Duration.ofHours(8));
		assertThat(BusinessHours.parse("08:00-12:00 , 12:00-13:00").periods()).hasSize(2);
	}

	@Test
	void aPeriodIncludesItsOpeningAndExcludesItsClose() {
		BusinessHours hours = BusinessHours.parse("08:30-12:00,14:30-18:00");

		assertThat(hours.periodAt(LocalTime.of(8, 30))).isZero();
		assertThat(hours.periodAt(LocalTime.of(11, 59))).isZero();
		assertThat(hours.periodAt(LocalTime.of(12, 0))).isEqualTo(-1);
		assertThat(hours.periodAt(LocalTime.of(14, 30))).isEqualTo(1);
		assertThat(hours.periodAt(LocalTime.of(18, 0))).isEqualTo(-1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "8:30-12:00", "08:30-12", "08.30-12.00", "08:30-12:00;14:30-18:00",
			"08:30-12:00,", "08:30~12:00", "24:00-25:00", "08:60-09:00", "12:00-08:30", "09:00-09:00",
			"08:00-12:00,11:00-13:00", "14:30-18:00,08:30-12:00" })
	void refusesMalformedHours(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessHours.parse(text));
	}

	@Test
	void theMessageSaysWhatIsWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessHours.parse("08:30-12:00,14:30-1800"))
			.withMessageContaining("'14:30-1800'")
			.withMessageContaining("HH:mm-HH:mm");
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessHours.parse("12:00-08:30"))
			.withMessageContaining("open before it closes");
		assertThatIllegalArgumentException().isThrownBy(() -> BusinessHours.parse("08:00-12:00,11:00-13:00"))
			.withMessageContaining("must not overlap");
	}

	@Test
	void theSettingsNameTheKeyOfABadValue() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarProperties(ZoneId.of("Asia/Shanghai"), "8-12", Duration.ofMinutes(1)))
			.withMessageStartingWith("shouhu.calendar.business-hours:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CalendarProperties(ZoneId.of("Asia/Shanghai"), "08:30-12:00", Duration.ZERO))
			.withMessageContaining("refresh-interval");
	}

}
