package cn.shouhu.matters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/** The public side of the loop against the database: proofs, what is shown, the submitter's actions, Open311 reads. */
@Import(StatementCounter.Config.class)
class PublicMattersTest extends MatterSpringTest {

	@Autowired
	PublicMatters publicMatters;

	private static Intake fromPortal(MatterKind kind, Submitter submitter) {
		return new Intake(Channel.PORTAL, kind, null, null, "小区门口夜间有人聚众赌博",
				"每晚十点后小区门口车库里有人聚众赌博，声音很大。", new Place("昆都仑区沼潭街道某小区车库", "沼潭社区", 40.6571, 109.8403),
				submitter);
	}

	private static Intake named() {
		return fromPortal(MatterKind.COMPLAINT, Submitter.person("王女士", "13847215678"));
	}

	private CurrentStaff handler() {
		return staff(Role.HANDLER, stationA);
	}

	private CurrentStaff leader() {
		return staff(Role.UNIT_LEADER, stationA);
	}

	/** Dispatched with an internal note, signed, with an internal progress note and a drafted reply. */
	private void handledUpToTheDraft(long id) {
		desk.dispatch(coordinator(), id, version(id), new Dispatch("PUBLIC_ORDER", null, stationA, List.of(), "内部：重点关注"));
		desk.sign(handler(), id, version(id));
		desk.recordProgress(handler(), id, version(id), "内部：已调取监控，涉赌人员张某");
		desk.draftReply(handler(), id, version(id), "经查，已依法处理涉赌人员。", "每晚巡逻该车库");
	}

	private void replied(long id) {
		handledUpToTheDraft(id);
		desk.approveReply(leader(), id, version(id));
	}

	@Test
	void theSubmitterFindsTheMatterWithTheCodeAndTheLastFourDigitsHoweverTyped() {
		Receipt receipt = desk.submit(named());
		String code = receipt.trackingCode();
		String typed = " " + code.substring(0, 4).toLowerCase() + " " + code.substring(4, 8) + "-" + code.substring(8);

		Optional<PublicMatter> found = publicMatters.lookup(typed, " 5678 ");

		assertThat(receipt.pin()).isNull();
		assertThat(found).hasValueSatisfying(matter -> {
			assertThat(matter.id()).isEqualTo(receipt.id());
			assertThat(matter.trackingCode()).isEqualTo(code);
			assertThat(matter.status()).isEqualTo(PublicStatus.OPEN);
			assertThat(matter.stateKey()).isEqualTo("matters.public.state.RECEIVED");
			assertThat(matter.address()).isEqualTo("昆都仑区沼潭街道某小区车库");
			assertThat(matter.latitude()).isEqualTo(40.6571);
			assertThat(matter.timeline()).extracting(PublicTimelineEntry::step).containsExactly(PublicStep.ACCEPTED);
			assertThat(matter.canAddInformation()).isTrue();
			assertThat(matter.canRate()).isFalse();
			assertThat(matter.canAskReopen()).isFalse();
		});
		assertThat(publicMatters.lookup(code, "５６７８")).isPresent();
	}

	@Test
	void anyMismatchIsTheSameEmptyAnswer() {
		String code = desk.submit(named()).trackingCode();
		String other = code.charAt(0) == '2' ? "3" + code.substring(1) : "2" + code.substring(1);

		assertThat(publicMatters.lookup(code, "1234")).isEmpty();
		assertThat(publicMatters.lookup(code, "567")).isEmpty();
		assertThat(publicMatters.lookup(code, "15678")).isEmpty();
		assertThat(publicMatters.lookup(code, null)).isEmpty();
		assertThat(publicMatters.lookup(other, "5678")).isEmpty();
		assertThat(publicMatters.lookup("' OR 1=1 --", "5678")).isEmpty();
		assertThat(publicMatters.lookup(null, "5678")).isEmpty();
		assertThatThrownBy(() -> publicMatters.addInformation(code, "0000", "补充"))
			.isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.messageKey()).isEqualTo("matters.notFound"));
		assertThat(desk.details(coordinator(), publicMatters.lookup(code, "5678").orElseThrow().id()).timeline())
			.hasSize(1);
	}

	@Test
	void anAnonymousTipOffIsFollowedWithAPinShownOnceAndKeptOnlyAsAHash() {
		Receipt receipt = desk.submit(fromPortal(MatterKind.TIP_OFF, Submitter.anonymousPerson()));

		assertThat(receipt.pin()).matches("[0-9]{6}");
		assertThat(receipt.toString()).doesNotContain(receipt.pin());
		String stored = jdbc.sql("SELECT pin_hash FROM matter WHERE id = :id")
			.param("id", receipt.id())
			.query(String.class)
			.single();
		assertThat(stored).startsWith("$2").doesNotContain(receipt.pin());
		assertThat(publicMatters.lookup(receipt.trackingCode(), receipt.pin())).isPresent();
		String wrongPin = receipt.pin().equals("000000") ? "000001" : "000000";
		assertThat(publicMatters.lookup(receipt.trackingCode(), wrongPin)).isEmpty();
		assertThat(publicMatters.lookup(receipt.trackingCode(), receipt.pin().substring(2))).isEmpty();
		assertThat(audit.records()).noneMatch(record -> String.valueOf(record.after()).contains(receipt.pin()));

		Receipt byPhone = desk.intake(clerk(), new Intake(Channel.PHONE, MatterKind.TIP_OFF, null, null, "赌博",
				"电话举报聚众赌博。", null, Submitter.anonymousPerson()));
		assertThat(byPhone.pin()).isNull();
	}

	@Test
	void thePublicSeesTheUnitAndTheApprovedReplyButNoInternalNotesOrNames() {
		Receipt receipt = desk.submit(named());
		handledUpToTheDraft(receipt.id());

		PublicMatter beforeApproval = publicMatters.lookup(receipt.trackingCode(), "5678").orElseThrow();
		assertThat(beforeApproval.stateKey()).isEqualTo("matters.public.state.HANDLING");
		assertThat(beforeApproval.replyText()).isNull();
		assertThat(beforeApproval.measures()).isNull();
		assertThat(beforeApproval.leadUnitName()).startsWith("沼潭派出所");
		assertThat(beforeApproval.categoryName()).isEqualTo("治安管理");
		assertThat(beforeApproval.replyDue()).isNotNull();

		desk.approveReply(leader(), receipt.id(), version(receipt.id()));
		PublicMatter replied = publicMatters.lookup(receipt.trackingCode(), "5678").orElseThrow();

		assertThat(replied.replyText()).isEqualTo("经查，已依法处理涉赌人员。");
		assertThat(replied.measures()).isEqualTo("每晚巡逻该车库");
		assertThat(replied.timeline()).extracting(PublicTimelineEntry::step)
			.containsExactly(PublicStep.ACCEPTED, PublicStep.DISPATCHED, PublicStep.SIGNED, PublicStep.REPLIED);
		assertThat(replied.timeline().get(1).unitName()).isEqualTo(replied.leadUnitName());
		assertThat(replied.timeline()).allSatisfy(entry -> {
			assertThat(String.valueOf(entry.text())).doesNotContain("内部").doesNotContain("民警");
			assertThat(String.valueOf(entry.unitName())).doesNotContain("民警");
		});
		assertThat(replied.canRate()).isTrue();
		assertThat(replied.canAskReopen()).isTrue();
		assertThat(replied.reopenUntil()).isAfter(clock.instant());
		assertThat(replied.stateKey()).isEqualTo("matters.public.state.REPLIED");
	}

	@Test
	void ratingSatisfiedClosesTheMatterAndIsAudited() {
		Receipt receipt = desk.submit(named());
		replied(receipt.id());
		audit.clear();

		publicMatters.rate(receipt.trackingCode(), "5678", Satisfaction.SATISFIED, "感谢民警");

		PublicMatter closed = publicMatters.lookup(receipt.trackingCode(), "5678").orElseThrow();
		assertThat(closed.status()).isEqualTo(PublicStatus.CLOSED);
		assertThat(closed.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
		assertThat(closed.canRate()).isFalse();
		assertThat(closed.canAddInformation()).isFalse();
		assertThat(closed.timeline()).extracting(PublicTimelineEntry::step)
			.endsWith(PublicStep.FOLLOWED_UP, PublicStep.CLOSED);
		assertThat(closed.timeline()).anyMatch(entry -> "感谢民警".equals(entry.text()));
		assertThat(audit.actions()).containsExactly("matter.followUp");
		assertThatThrownBy(() -> publicMatters.rate(receipt.trackingCode(), "5678", Satisfaction.SATISFIED, null))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void informationAddedWhileTheUnitWaitsResumesHandlingAndStaffSeeIt() {
		Receipt receipt = desk.submit(named());
		long id = receipt.id();
		desk.dispatch(coordinator(), id, version(id), new Dispatch("PUBLIC_ORDER", null, stationA, List.of(), null));
		desk.sign(handler(), id, version(id));
		desk.waitForSubmitter(handler(), id, version(id), "请补充具体车库编号");
		PublicMatter waiting = publicMatters.lookup(receipt.trackingCode(), "5678").orElseThrow();
		assertThat(waiting.stateKey()).isEqualTo("matters.public.state.WAITING");
		assertThat(waiting.timeline()).last()
			.isEqualTo(new PublicTimelineEntry(waiting.timeline().get(waiting.timeline().size() - 1).at(),
					PublicStep.WAITING_FOR_SUBMITTER, waiting.leadUnitName(), "请补充具体车库编号"));
		audit.clear();
		clock.set(at("2026-03-03T10:00"));

		boolean resumed = publicMatters.addInformation(receipt.trackingCode(), "5678", "是B区12号车库");

		assertThat(resumed).isTrue();
		MatterDetails details = desk.details(handler(), id);
		assertThat(details.state()).isEqualTo(MatterState.IN_PROGRESS);
		assertThat(details.deadlines().pausedSince()).isNull();
		assertThat(details.timeline()).anySatisfy(entry -> {
			assertThat(entry.action()).isEqualTo(TimelineAction.INFORMATION_ADDED);
			assertThat(entry.note()).isEqualTo("是B区12号车库");
		});
		assertThat(audit.records()).singleElement().satisfies(record -> {
			assertThat(record.action()).isEqualTo("matter.information.add");
			assertThat(String.valueOf(record.before()) + record.after()).doesNotContain("13847215678");
		});
		assertThat(publicMatters.addInformation(receipt.trackingCode(), "5678", "另外，周末也有")).isFalse();
	}

	@Test
	void askingToReopenWorksWithinTheWindowOnly() {
		Receipt inWindow = desk.submit(named());
		replied(inWindow.id());
		publicMatters.askToReopen(inWindow.trackingCode(), "5678", "赌博仍在继续");
		assertThat(state(inWindow.id())).isEqualTo(MatterState.REOPENED);
		assertThat(publicMatters.lookup(inWindow.trackingCode(), "5678").orElseThrow().timeline())
			.extracting(PublicTimelineEntry::step)
			.endsWith(PublicStep.FOLLOWED_UP, PublicStep.REOPENED);

		Receipt late = desk.submit(named());
		replied(late.id());
		clock.set(clock.instant().plus(Duration.ofDays(30)));
		assertThat(publicMatters.lookup(late.trackingCode(), "5678").orElseThrow().canAskReopen()).isFalse();
		assertThatThrownBy(() -> publicMatters.askToReopen(late.trackingCode(), "5678", "仍未解决"))
			.isInstanceOfSatisfying(ConflictException.class,
					e -> assertThat(e.messageKey()).isEqualTo("matters.public.reopen.windowPassed"));
		assertThat(state(late.id())).isEqualTo(MatterState.REPLIED);
	}

	@Test
	void openThreeElevenFindsByIdCategoryTimeAndStatus() {
		Instant start = clock.instant();
		Receipt first = desk.submit(named());
		replied(first.id());
		publicMatters.rate(first.trackingCode(), "5678", Satisfaction.SATISFIED, null);
		clock.set(start.plus(Duration.ofHours(1)));
		Receipt second = desk.submit(named());
		List<Long> ids = List.of(first.id(), second.id());

		assertThat(publicMatters.byId(first.id())).hasValueSatisfying(m -> assertThat(m.status()).isEqualTo(PublicStatus.CLOSED));
		assertThat(publicMatters.byId(-1)).isEmpty();
		assertThat(publicMatters.find(new PublicMatterQuery(ids, null, null, null, null, 10)))
			.extracting(PublicMatter::id)
			.containsExactly(second.id(), first.id());
		assertThat(publicMatters.find(new PublicMatterQuery(ids, List.of("PUBLIC_ORDER"), null, null, null, 10)))
			.extracting(PublicMatter::id)
			.containsExactly(first.id());
		assertThat(publicMatters.find(new PublicMatterQuery(ids, null, null, null, PublicStatus.OPEN, 10)))
			.extracting(PublicMatter::id)
			.containsExactly(second.id());
		assertThat(publicMatters.find(new PublicMatterQuery(ids, null, start.plus(Duration.ofMinutes(30)), null,
				null, 10)))
			.extracting(PublicMatter::id)
			.containsExactly(second.id());
		assertThat(publicMatters.find(new PublicMatterQuery(ids, null, null, start.plus(Duration.ofMinutes(30)),
				null, 10)))
			.extracting(PublicMatter::id)
			.containsExactly(first.id());
		assertThat(publicMatters.find(new PublicMatterQuery(ids, null, null, null, null, 1))).hasSize(1);
		assertThatThrownBy(() -> new PublicMatterQuery(null, null, null, null, null, 1001))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** The same statements for one matter as for many: no query per matter (Open311 lists up to 1,000). */
	@Test
	void manyMattersCostNoMoreQueriesThanOne() {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			ids.add(desk.submit(named()).id());
		}
		desk.dispatch(coordinator(), ids.get(0), version(ids.get(0)),
				new Dispatch("PUBLIC_ORDER", null, stationA, List.of(), null));

		int forOne = statementsFor(new PublicMatterQuery(ids.subList(0, 1), null, null, null, null, 1));
		long started = System.nanoTime();
		int forAll = statementsFor(new PublicMatterQuery(ids, null, null, null, null, 1000));
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(forAll).as(StatementCounter.SQL.toString()).isEqualTo(forOne).isLessThanOrEqualTo(3);
		assertThat(publicMatters.find(new PublicMatterQuery(ids, null, null, null, null, 1000))).hasSize(100)
			.allSatisfy(matter -> assertThat(matter.timeline()).isNotEmpty());
		System.out.println("PublicMatters.find: 100 matters in " + millis + " ms, " + forAll + " statements");
	}

	private int statementsFor(PublicMatterQuery query) {
		StatementCounter.watchThisThread();
		publicMatters.find(query);
		return StatementCounter.PREPARED.get();
	}

	@Test
	void auditRecordsOfThePublicSideMaskThePhone() {
		Receipt receipt = desk.submit(named());
		replied(receipt.id());
		audit.clear();
		publicMatters.askToReopen(receipt.trackingCode(), "5678", "仍有噪音");

		assertThat(audit.records()).extracting(AuditRecord::action).containsExactly("matter.followUp.reopen");
		assertThat(audit.records().toString()).doesNotContain("13847215678");
	}

}
