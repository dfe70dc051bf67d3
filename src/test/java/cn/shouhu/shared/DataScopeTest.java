package cn.shouhu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class DataScopeTest {

	@Test
	void aSubtreeCoversItselfAndItsDescendantsOnly() {
		DataScope station = DataScope.subtree("/1/12/");
		assertThat(station.covers("/1/12/")).isTrue();
		assertThat(station.covers("/1/12/40/")).isTrue();
		assertThat(station.covers("/1/13/")).isFalse();
		// A sibling whose id starts with the same digits is not inside.
		assertThat(station.covers("/1/120/")).isFalse();
		assertThat(station.covers("/1/")).isFalse();
		assertThat(station.likePattern()).isEqualTo("/1/12/%");
	}

	@Test
	void allCoversEverythingAndNoneNothing() {
		assertThat(DataScope.all().covers("/1/99/")).isTrue();
		assertThat(DataScope.none().covers("/1/")).isFalse();
		assertThat(DataScope.none().isNone()).isTrue();
	}

	@Test
	void refusesSomethingThatIsNotAPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> DataScope.subtree("1/2"));
		assertThatIllegalArgumentException().isThrownBy(() -> DataScope.subtree("/1/2' OR 1=1 --/"));
	}

}
