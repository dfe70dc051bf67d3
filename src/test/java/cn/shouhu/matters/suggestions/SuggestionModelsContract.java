package cn.shouhu.matters.suggestions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import cn.shouhu.classification.TextModel;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/**
 * Model versions on a database: the default model at the first start, retraining from closed matters, the rule
 * that a worse model does not become active by itself, switching back, following a switch made on another node,
 * and the weekly job's skipping rule. Runs on H2 and on PostgreSQL (the bytes column is BYTEA on both).
 * Contexts use the small test corpus and retrain when 5 matters have closed; the job itself does not run.
 */
abstract class SuggestionModelsContract {

	static final String PROPERTIES_CORPUS = "shouhu.suggestions.corpus=classpath:suggestions/corpus.tsv";

	static final String PROPERTIES_MIN = "shouhu.suggestions.retrain.min-new-matters=5";

	static final String PROPERTIES_JOB_OFF = "shouhu.suggestions.retrain.enabled=false";

	/** Messages in src/test/resources/suggestions/corpus.tsv. */
	static final int CORPUS_SIZE = 72;

	@Autowired
	SuggestionModels models;

	@Autowired
	ActiveModel active;

	@Autowired
	Suggestions suggestions;

	@Autowired
	ModelStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	SuggestionProperties properties;

	static final CurrentStaff ADMIN = new CurrentStaff(9001, "sysadmin-test", 9001, "系统管理员甲", 1, "分局",
			java.util.Set.of(Role.SYSTEM_ADMIN));

	static final CurrentStaff CLERK = new CurrentStaff(9002, "clerk-test", 9002, "受理员乙", 1, "分局",
			java.util.Set.of(Role.INTAKE_CLERK));

	/** Every test starts from an empty model table and no closed matter, as at a branch's first start. */
	@BeforeEach
	void firstStart() {
		jdbc.sql("DELETE FROM suggestion_model").update();
		jdbc.sql("DELETE FROM matter WHERE tracking_code LIKE 'T%' AND state IN ('CLOSED', 'RECEIVED')").update();
		active.refresh();
		models.start();
	}

	@Test
	void theFirstStartTrainsTheDefaultModelFromTheCorpusAsVersionOneActive() {
		List<ModelVersion> versions = models.versions();
		assertThat(versions).hasSize(1);
		ModelVersion first = versions.get(0);
		assertThat(first.id()).isEqualTo(ModelStore.DEFAULT_MODEL_ID);
		assertThat(first.source()).isEqualTo(ModelSource.DEFAULT_CORPUS);
		assertThat(first.active()).isTrue();
		assertThat(first.trainingCount()).isEqualTo(CORPUS_SIZE);
		assertThat(first.branchCount()).isZero();
		// 12 categories of 6 messages: 1 of each held out.
		assertThat(first.heldOutCount()).isEqualTo(12);
		assertThat(first.accuracy()).isBetween(0.0, 1.0);
		assertThat(first.comparedAccuracy()).isNull();
		assertThat(active.current()).hasValueSatisfying(loaded -> assertThat(loaded.id()).isEqualTo(1));
		assertThat(suggestions.ready()).isTrue();

		models.start();
		assertThat(models.versions()).hasSize(1);
	}

	@Test
	void theStoredBytesGiveTheSameModel() {
		TextModel loaded = active.current().orElseThrow().model();
		TextModel reread = TextModel.fromBytes(store.bytes(1).orElseThrow());
		String subject = "孩子被反锁在屋里";
		String detail = "门被风关上了，孩子在里面哭，请帮忙开锁";
		assertThat(reread.top(subject, detail, 3)).isEqualTo(loaded.top(subject, detail, 3));
		assertThat(reread.labels()).isEqualTo(loaded.labels());
	}

	@Test
	void retrainingLearnsANewCategoryFromClosedMattersAndBecomesActive() {
		jdbc.sql("""
				INSERT INTO matter_category (code, name, lead_unit_type, sort_order, active, updated_at)
				SELECT 'WELL_COVER', '井盖设施', 'STATION', 130, TRUE, CURRENT_TIMESTAMP
				WHERE NOT EXISTS (SELECT 1 FROM matter_category WHERE code = 'WELL_COVER')""").update();
		Instant closedAt = Instant.now().minusSeconds(3600);
		String[] places = { "民族东路", "钢铁大街", "青山路", "沼潭街", "少先路", "友谊大街", "阿尔丁大街", "林荫路", "团结大街",
				"建设路" };
		for (int i = 0; i < 20; i++) {
			ClosedMatters.closed(jdbc, "WELL_COVER", places[i % 10] + "井盖丢失",
					places[i % 10] + "人行道上的井盖丢失了，晚上路过很危险，有行人差点掉进井里，请尽快补上井盖。", closedAt);
		}
		SuggestionModels.Outcome outcome = models.retrain(ADMIN);

		ModelVersion version = outcome.version();
		assertThat(version.id()).isGreaterThan(1);
		assertThat(version.source()).isEqualTo(ModelSource.BRANCH_HISTORY);
		assertThat(version.trainingCount()).isEqualTo(CORPUS_SIZE + 20);
		assertThat(version.branchCount()).isEqualTo(20);
		assertThat(version.createdByName()).isEqualTo("系统管理员甲");
		// The default model's recipe never saw the new category, so it misses its held-out matters.
		assertThat(version.comparedAccuracy()).isNotNull().isLessThan(version.accuracy());
		assertThat(outcome.activated()).isTrue();
		assertThat(store.activeId()).contains(version.id());
		assertThat(active.current().orElseThrow().id()).isEqualTo(version.id());
		assertThat(suggestions.categories(new MatterText("友谊大街井盖丢失", "路上井盖丢失了很危险", null, null)))
			.first()
			.satisfies(first -> assertThat(first.code()).isEqualTo("WELL_COVER"));
		assertThat(auditActions()).contains("suggestion_model.create", "suggestion_model.activate");
	}

	@Test
	void aRetrainedModelIsActiveExactlyWhenItIsAtLeastAsAccurateOnTheSameHeldOutMessages() {
		// Closed matters whose final category contradicts the corpus: a model learning from them can only lose.
		Instant closedAt = Instant.now().minusSeconds(3600);
		for (int i = 0; i < 30; i++) {
			ClosedMatters.closed(jdbc, i % 2 == 0 ? "TRAFFIC" : "HOUSEHOLD", "孩子被反锁在家" + i,
					"孩子一个人在家被反锁，请求开锁救援，情况紧急" + i, closedAt);
		}
		SuggestionModels.Outcome outcome = models.retrain(ADMIN);
		ModelVersion version = outcome.version();
		assertThat(outcome.activated()).isEqualTo(version.accuracy() >= version.comparedAccuracy());
		assertThat(store.activeId()).contains(outcome.activated() ? version.id() : 1L);
		assertThat(active.current().orElseThrow().id()).isEqualTo(store.activeId().orElseThrow());
	}

	@Test
	void anAdministratorSwitchesBackToAnEarlierVersionAndOthersMayNot() {
		long second = models.retrain(ADMIN).version().id();
		models.activate(ADMIN, second);
		assertThat(active.current().orElseThrow().id()).isEqualTo(second);

		models.activate(ADMIN, 1);
		assertThat(store.activeId()).contains(1L);
		assertThat(models.versions()).filteredOn(ModelVersion::active).extracting(ModelVersion::id).containsExactly(1L);
		assertThat(active.current().orElseThrow().id()).isEqualTo(1);
		assertThat(auditActions()).contains("suggestion_model.activate");

		assertThatThrownBy(() -> models.activate(CLERK, second)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> models.retrain(CLERK)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> models.activate(ADMIN, 999_999)).isInstanceOf(NotFoundException.class);
		assertThat(store.activeId()).contains(1L);
	}

	@Test
	void aSwitchMadeOnAnotherNodeIsFollowedAtTheNextRefresh() {
		long second = models.retrain(ADMIN).version().id();
		models.activate(ADMIN, 1);
		// Another node switches: only the database changes.
		jdbc.sql("UPDATE suggestion_model SET active = (id = :id)").param("id", second).update();
		assertThat(active.current().orElseThrow().id()).isEqualTo(1);
		active.refresh();
		assertThat(active.current().orElseThrow().id()).isEqualTo(second);
	}

	@Test
	void theJobSkipsUntilEnoughMattersHaveClosedSinceTheLastModel() throws InterruptedException {
		// Closed after the default model was made and before the job's model will be.
		Thread.sleep(20);
		Instant later = Instant.now();
		Thread.sleep(20);
		for (int i = 0; i < 4; i++) {
			ClosedMatters.closed(jdbc, "PUBLIC_ORDER", "楼下烧烤扰民" + i, "烧烤店凌晨还在营业，噪音很大" + i, later);
		}
		assertThat(models.retrainIfDue()).isEmpty();
		assertThat(models.versions()).hasSize(1);

		ClosedMatters.closed(jdbc, "PUBLIC_ORDER", "楼下烧烤扰民5", "烧烤店凌晨还在营业，噪音很大5", later);
		assertThat(models.retrainIfDue()).hasValueSatisfying(outcome -> {
			assertThat(outcome.version().branchCount()).isEqualTo(5);
			assertThat(outcome.version().createdByName()).isNull();
		});
		assertThat(models.versions()).hasSize(2);
		// The matters counted for this model no longer count for the next run.
		assertThat(models.retrainIfDue()).isEmpty();
	}

	/**
	 * The job's scheduler survives a stop and a start of its context (the test framework pauses the contexts it
	 * keeps): it registers the weekly run in its own table and starts again after a stop.
	 */
	@Test
	void theJobsSchedulerStartsAgainAfterAStop() {
		SuggestionProperties enabled = new SuggestionProperties(properties.corpus(), properties.refreshInterval(),
				new SuggestionProperties.Retrain(true, "0 0 3 * * MON", "Asia/Shanghai", 5, Duration.ofMinutes(1)),
				properties.duplicates());
		SuggestionConfiguration.RetrainingRunner runner = new SuggestionConfiguration.RetrainingRunner(dataSource,
				SuggestionConfiguration.retrainingTask(enabled, () -> {
				}), enabled);
		try {
			runner.start();
			runner.stop();
			assertThat(runner.isRunning()).isFalse();
			runner.start();
			assertThat(runner.isRunning()).isTrue();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM suggestion_scheduled_tasks WHERE task_name = :name")
				.param("name", SuggestionConfiguration.TASK_NAME)
				.query(Long.class)
				.single()).isOne();
		}
		finally {
			runner.stop();
		}
	}

	private List<String> auditActions() {
		return jdbc.sql("SELECT action FROM audit_event WHERE target_type = 'suggestion_model'").query(String.class).list();
	}

}
