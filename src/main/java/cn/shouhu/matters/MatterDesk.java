package cn.shouhu.matters;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.organization.OrganizationDirectory;
import cn.shouhu.organization.UnitRef;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.CurrentStaff;
import cn.shouhu.shared.DataScope;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;
import cn.shouhu.shared.Role;

/**
 * The closed loop's door: every action on a matter, each in its own transaction, for the staff member who acts.
 * <p>
 * Data scope: 受理员, 协调员 and 分局领导 see the whole queue; 承办人 and 单位负责人 see the matters whose lead unit
 * or one of whose co-handling units lies in their unit's subtree; nobody else sees any. A matter outside the scope
 * does not exist for the caller ({@link NotFoundException}). Who may take which action is the matter's own rule
 * ({@link MatterAction}): the 分局领导 reads all and may change nothing.
 * <p>
 * Each action names the version the caller saw; if the matter has changed since, or changes concurrently, the
 * action fails with a {@link ConflictException} and nothing is written. Every change is audited in its
 * transaction, with the submitter's personal data masked.
 */
@Service
public class MatterDesk {

	private static final String MODULE = "matters";

	private static final String NOT_FOUND = "matters.notFound";

	private static final String STALE = "matters.conflict.stale";

	/** Roles that see every matter. */
	private static final Set<Role> WHOLE_QUEUE = EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR, Role.BRANCH_LEADER);

	/** Roles that record matters and run the queue. */
	private static final Set<Role> COORDINATION = EnumSet.of(Role.INTAKE_CLERK, Role.COORDINATOR);

	/** Roles that work on their unit's matters. */
	private static final Set<Role> UNIT_ROLES = EnumSet.of(Role.HANDLER, Role.UNIT_LEADER);

	private final MatterRepository matters;

	private final OrganizationDirectory organization;

	private final MatterCategories categories;

	private final DeadlinePolicy deadlines;

	private final AuditTrail audit;

	private final SubmitterProofs proofs;

	private final Clock clock;

	MatterDesk(MatterRepository matters, OrganizationDirectory organization, MatterCategories categories,
			DeadlinePolicy deadlines, AuditTrail audit, SubmitterProofs proofs, Clock clock) {
		this.matters = matters;
		this.organization = organization;
		this.categories = categories;
		this.deadlines = deadlines;
		this.audit = audit;
		this.proofs = proofs;
		this.clock = clock;
	}

	// ---- intake (集中受理)

	/** A clerk or coordinator records a matter from the phone, a walk-in, a letter, a meeting or a visit. */
	@Transactional
	public Receipt intake(CurrentStaff staff, Intake intake) {
		if (!staff.hasAny(COORDINATION)) {
			throw new AccessDeniedException("matters.denied.INTAKE");
		}
		if (intake.channel() != null && intake.channel().isPublic()) {
			throw InvalidInputException.onField("channel", "matters.channel.publicOnly");
		}
		return receive(intake, Actor.staff(staff, false, Set.of()));
	}

	/**
	 * A member of the public submits through the portal or Open311; they follow it with the tracking code and
	 * their phone's last four digits, or for an anonymous tip-off with the PIN in the receipt (shown only there).
	 */
	@Transactional
	public Receipt submit(Intake intake) {
		if (intake.channel() == null || !intake.channel().isPublic()) {
			throw InvalidInputException.onField("channel", "matters.channel.staffOnly");
		}
		return receive(intake, Actor.submitter());
	}

	private Receipt receive(Intake intake, Actor actor) {
		if (intake.categoryCode() != null && !intake.categoryCode().isBlank()) {
			requireCategory(intake.categoryCode());
		}
		Matter matter = Matter.receive(matters.nextId(), newTrackingCode(), intake, actor, now());
		String pin = null;
		if (matter.channel().isPublic() && matter.submitter().anonymous()) {
			pin = SubmitterProofs.newPin();
			matter.protectWithPin(proofs.hash(pin));
		}
		matters.save(matter);
		audit.record(AuditRecord.created(MODULE, "matter", matter.id(), matter.auditView()));
		return new Receipt(matter.id(), matter.trackingCode(), pin);
	}

	private String newTrackingCode() {
		String code = TrackingCodes.next();
		while (matters.existsByTrackingCode(code)) {
			code = TrackingCodes.next();
		}
		return code;
	}

	// ---- reading

	/** Whether no matter has been received yet: the demo loads its matters only into an empty queue. */
	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return matters.count() == 0;
	}

	/** The matter with its timeline and the actions this staff member may take now. */
	@Transactional(readOnly = true)
	public MatterDetails details(CurrentStaff staff, long matterId) {
		Matter matter = visible(staff, matterId);
		return MatterDetails.of(matter, matter.allowedActions(actorFor(staff, matter)));
	}

	/**
	 * Whether this staff member may reveal the submitter's full phone or ID number: those who call the submitter
	 * back — 受理员, 协调员, and 承办人 or 单位负责人 of the lead unit. Not the 分局领导 (reads, does not call) and not
	 * a co-handling unit (it is told what to do, not whom to ring).
	 */
	@Transactional(readOnly = true)
	public boolean mayReveal(CurrentStaff staff, long matterId) {
		return mayReveal(staff, visible(staff, matterId));
	}

	private boolean mayReveal(CurrentStaff staff, Matter matter) {
		return staff.hasAny(COORDINATION)
				|| (staff.hasAny(UNIT_ROLES) && covers(organization.subtreeOf(staff.unitId()), matter.leadUnitId()));
	}

	/**
	 * 显示: the submitter's full phone or ID number, for one who {@link #mayReveal may}, with an audit record
	 * ({@code matter.reveal}) that names the field and never holds its value.
	 * @return the value, or null if the submitter gave none
	 */
	@Transactional
	public String reveal(CurrentStaff staff, long matterId, PersonalField field) {
		Matter matter = visible(staff, matterId);
		if (!mayReveal(staff, matter)) {
			throw new AccessDeniedException("matters.denied.REVEAL");
		}
		String value = field.of(matter.submitter());
		audit.record(new AuditRecord(MODULE, "matter.reveal", "matter", String.valueOf(matterId), null,
				Map.of("field", field.fieldName())));
		return value;
	}

	// ---- coordination (分类处置、统一协调)

	/** 分派 (or re-dispatch after a return): category, urgency, lead unit and co-handlers; the clock starts. */
	@Transactional
	public void dispatch(CurrentStaff staff, long matterId, int version, Dispatch dispatch) {
		act(staff, matterId, version, "matter.dispatch", (matter, actor) -> {
			requireCategory(dispatch.categoryCode());
			requireLeadUnit(dispatch.leadUnitId(), "leadUnitId");
			dispatch.coHandlers().forEach(coHandling -> requireUnit(coHandling.unitId(), "unitId"));
			matter.dispatch(actor, dispatch, deadlines, now());
		});
	}

	/** 转办: to another unit inside the police, which must sign it anew. */
	@Transactional
	public void transfer(CurrentStaff staff, long matterId, int version, long toUnitId, String reason) {
		act(staff, matterId, version, "matter.transfer", (matter, actor) -> {
			requireLeadUnit(toUnitId, "toUnitId");
			matter.transfer(actor, toUnitId, reason, deadlines, now());
		});
	}

	/** 增加协办单位 (inside the police or an outside agency). @return the new task's number */
	@Transactional
	public int addCoHandler(CurrentStaff staff, long matterId, int version, CoHandling coHandling) {
		Matter matter = act(staff, matterId, version, "matter.coHandling.add", (m, actor) -> {
			requireUnit(coHandling.unitId(), "unitId");
			m.addCoHandler(actor, coHandling, now());
		});
		return matter.tasks().size();
	}

	/** 撤销协办. */
	@Transactional
	public void cancelTask(CurrentStaff staff, long matterId, int version, int taskNo, String reason) {
		act(staff, matterId, version, "matter.coHandling.cancel",
				(matter, actor) -> matter.cancelTask(actor, taskNo, reason, now()));
	}

	/** 批准延期. */
	@Transactional
	public void approveExtension(CurrentStaff staff, long matterId, int version, String note) {
		act(staff, matterId, version, "matter.extension.approve",
				(matter, actor) -> matter.approveExtension(actor, note, deadlines, now()));
	}

	/** 不予延期. */
	@Transactional
	public void refuseExtension(CurrentStaff staff, long matterId, int version, String reason) {
		act(staff, matterId, version, "matter.extension.refuse",
				(matter, actor) -> matter.refuseExtension(actor, reason, now()));
	}

	/** 督办. */
	@Transactional
	public void supervise(CurrentStaff staff, long matterId, int version, String note) {
		act(staff, matterId, version, "matter.supervise", (matter, actor) -> matter.supervise(actor, note, now()));
	}

	/**
	 * 督办 by the system, for the deadline timers: an overdue matter is put under supervision. A matter that is no
	 * longer open to supervision is left alone, so a timer that fires twice does no harm.
	 * @return whether the matter was put under supervision now
	 */
	@Transactional
	public boolean superviseOverdue(long matterId) {
		Matter matter = matters.findById(matterId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
		if (!MatterAction.SUPERVISE.allowedIn(matter.state())) {
			return false;
		}
		Map<String, Object> before = matter.auditView();
		matter.supervise(Actor.system(), null, now());
		save(matter);
		audited("matter.supervise", matter, before);
		return true;
	}

	/** 关联: marks the matter as a duplicate of another; both go on. */
	@Transactional
	public void link(CurrentStaff staff, long matterId, int version, long otherId) {
		act(staff, matterId, version, "matter.link", (matter, actor) -> matter.linkTo(actor, visible(staff, otherId),
				now()));
	}

	/** 合并: the duplicate stops and, when the master closes, closes with the master's reply. */
	@Transactional
	public void merge(CurrentStaff staff, long matterId, int version, long masterId) {
		act(staff, matterId, version, "matter.merge",
				(matter, actor) -> matter.mergeInto(actor, visible(staff, masterId), now()));
	}

	// ---- the lead unit (部门联动、限时办理)

	/** 签收. */
	@Transactional
	public void sign(CurrentStaff staff, long matterId, int version) {
		act(staff, matterId, version, "matter.sign", (matter, actor) -> matter.sign(actor, now()));
	}

	/** 退单: back to the coordinators, with a reason, within the return limit. */
	@Transactional
	public void returnToCoordinators(CurrentStaff staff, long matterId, int version, String reason) {
		act(staff, matterId, version, "matter.return",
				(matter, actor) -> matter.returnToCoordinators(actor, reason, now()));
	}

	/** 记录办理进展. */
	@Transactional
	public void recordProgress(CurrentStaff staff, long matterId, int version, String note) {
		act(staff, matterId, version, "matter.progress", (matter, actor) -> matter.recordProgress(actor, note, now()));
	}

	/** 记录协办结果: by the co-handling unit, or for an outside agency by the lead unit or a coordinator. */
	@Transactional
	public void recordTaskResult(CurrentStaff staff, long matterId, int version, int taskNo, String result) {
		act(staff, matterId, version, "matter.coHandling.result",
				(matter, actor) -> matter.recordTaskResult(actor, taskNo, result, now()));
	}

	/** 申请延期, by whole working days. */
	@Transactional
	public void requestExtension(CurrentStaff staff, long matterId, int version, int days, String reason) {
		act(staff, matterId, version, "matter.extension.request",
				(matter, actor) -> matter.requestExtension(actor, days, reason, deadlines, now()));
	}

	/** 等待群众补充: the clock stops; the note tells the submitter what is needed. */
	@Transactional
	public void waitForSubmitter(CurrentStaff staff, long matterId, int version, String note) {
		act(staff, matterId, version, "matter.wait", (matter, actor) -> matter.waitForSubmitter(actor, note, now()));
	}

	/** 恢复办理: the deadlines move by the business time waited. */
	@Transactional
	public void resume(CurrentStaff staff, long matterId, int version, String note) {
		act(staff, matterId, version, "matter.resume", (matter, actor) -> matter.resume(actor, note, deadlines, now()));
	}

	/** 拟写答复 with the rectification measures. */
	@Transactional
	public void draftReply(CurrentStaff staff, long matterId, int version, String text, String measures) {
		act(staff, matterId, version, "matter.reply.draft",
				(matter, actor) -> matter.draftReply(actor, text, measures, now()));
	}

	/** 审批答复: the submitter sees the reply. */
	@Transactional
	public void approveReply(CurrentStaff staff, long matterId, int version) {
		act(staff, matterId, version, "matter.reply.approve",
				(matter, actor) -> matter.approveReply(actor, deadlines, now()));
	}

	/** 退回答复. */
	@Transactional
	public void rejectReply(CurrentStaff staff, long matterId, int version, String reason) {
		act(staff, matterId, version, "matter.reply.reject",
				(matter, actor) -> matter.rejectReply(actor, reason, now()));
	}

	// ---- follow-up (整改反馈)

	/** 回访 recorded by staff: satisfied closes, unsatisfied within the window reopens. */
	@Transactional
	public void recordFollowUp(CurrentStaff staff, long matterId, int version, Satisfaction satisfaction,
			String comment) {
		act(staff, matterId, version, "matter.followUp",
				(matter, actor) -> matter.recordFollowUp(actor, satisfaction, comment, deadlines, now()));
	}

	/**
	 * 回访 by the submitter on the portal, who proves the matter is theirs with its tracking code and the last
	 * four digits of their phone (or the PIN of an anonymous tip-off). Any mismatch is "not found", so that codes
	 * cannot be probed.
	 */
	@Transactional
	public void recordFollowUpBySubmitter(String trackingCode, String proof, Satisfaction satisfaction,
			String comment) {
		actAsSubmitter(trackingCode, proof, "matter.followUp",
				matter -> matter.recordFollowUp(Actor.submitter(), satisfaction, comment, deadlines, now()));
	}

	/** 补充材料 by the submitter. @return whether the unit was waiting for it and handling resumed */
	@Transactional
	boolean addInformationBySubmitter(String trackingCode, String proof, String text) {
		boolean[] resumed = new boolean[1];
		actAsSubmitter(trackingCode, proof, "matter.information.add",
				matter -> resumed[0] = matter.addInformation(text, deadlines, now()));
		return resumed[0];
	}

	/** 申请重办 by the submitter, within the reopen window, with a reason. */
	@Transactional
	void askToReopenBySubmitter(String trackingCode, String proof, String reason) {
		actAsSubmitter(trackingCode, proof, "matter.followUp.reopen",
				matter -> matter.askToReopen(reason, deadlines, now()));
	}

	private Matter actAsSubmitter(String trackingCode, String proof, String action, Consumer<Matter> change) {
		Matter matter = proofs.matterId(trackingCode, proof)
			.flatMap(matters::findById)
			.orElseThrow(() -> new NotFoundException(NOT_FOUND));
		Map<String, Object> before = matter.auditView();
		change.accept(matter);
		save(matter);
		audited(action, matter, before);
		return matter;
	}

	/** 办结: when no (further) follow-up will come. */
	@Transactional
	public void close(CurrentStaff staff, long matterId, int version, String note) {
		act(staff, matterId, version, "matter.close", (matter, actor) -> matter.close(actor, note, now()));
	}

	/** Closes the duplicates merged into a master that has just closed; those already closed are left alone. */
	@Transactional
	void closeDuplicatesOf(long masterId) {
		Matter master = matters.findById(masterId).orElse(null);
		if (master == null || master.state() != MatterState.CLOSED) {
			return;
		}
		for (Matter duplicate : matters.findByMergedIntoAndState(masterId, MatterState.MERGED)) {
			Map<String, Object> before = duplicate.auditView();
			duplicate.followMaster(master, now());
			save(duplicate);
			audited("matter.close", duplicate, before);
		}
	}

	// ---- the common path of every staff action

	private Matter act(CurrentStaff staff, long matterId, int expectedVersion, String action,
			BiConsumer<Matter, Actor> change) {
		Matter matter = visible(staff, matterId);
		if (matter.version() != expectedVersion) {
			throw new ConflictException(STALE);
		}
		Map<String, Object> before = matter.auditView();
		change.accept(matter, actorFor(staff, matter));
		save(matter);
		audited(action, matter, before);
		return matter;
	}

	/** Audits the fields the action changed, before and after. */
	private void audited(String action, Matter matter, Map<String, Object> before) {
		Map<String, Object> after = matter.auditView();
		Map<String, Object> changedBefore = new LinkedHashMap<>();
		Map<String, Object> changedAfter = new LinkedHashMap<>();
		after.forEach((field, value) -> {
			if (!Objects.equals(before.get(field), value)) {
				changedBefore.put(field, before.get(field));
				changedAfter.put(field, value);
			}
		});
		audit.record(AuditRecord.updated(MODULE, action, "matter", matter.id(), changedBefore, changedAfter));
	}

	/** Saves with the version check; a concurrent change wins and this one writes nothing. */
	private void save(Matter matter) {
		try {
			matters.save(matter);
		}
		catch (OptimisticLockingFailureException e) {
			throw new ConflictException(STALE);
		}
	}

	private Matter visible(CurrentStaff staff, long matterId) {
		Matter matter = matters.findById(matterId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
		if (!canSee(staff, matter)) {
			throw new NotFoundException(NOT_FOUND);
		}
		return matter;
	}

	private boolean canSee(CurrentStaff staff, Matter matter) {
		if (staff.hasAny(WHOLE_QUEUE)) {
			return true;
		}
		if (!staff.hasAny(UNIT_ROLES)) {
			return false;
		}
		DataScope scope = organization.subtreeOf(staff.unitId());
		return covers(scope, matter.leadUnitId())
				|| matter.tasks().stream().anyMatch(task -> covers(scope, task.unitId()));
	}

	/**
	 * The facts the matter decides by: is the lead unit in the staff member's subtree, and for which co-handling
	 * units may they record results (their own subtree's, and outside agencies' if they lead or coordinate).
	 */
	private Actor actorFor(CurrentStaff staff, Matter matter) {
		DataScope scope = organization.subtreeOf(staff.unitId());
		boolean atLeadUnit = covers(scope, matter.leadUnitId());
		boolean speaksForAgencies = (atLeadUnit && staff.hasAny(UNIT_ROLES)) || staff.hasAny(COORDINATION);
		Set<Long> taskUnits = matter.tasks()
			.stream()
			.map(CoHandlingTask::unitId)
			.filter(unitId -> covers(scope, unitId) || (speaksForAgencies && isExternal(unitId)))
			.collect(Collectors.toSet());
		return Actor.staff(staff, atLeadUnit, taskUnits);
	}

	private boolean covers(DataScope scope, Long unitId) {
		return unitId != null && organization.findUnit(unitId).map(unit -> scope.covers(unit.path())).orElse(false);
	}

	private boolean isExternal(long unitId) {
		return organization.findUnit(unitId).map(unit -> unit.type() == UnitType.EXTERNAL_AGENCY).orElse(false);
	}

	private void requireCategory(String code) {
		categories.find(code == null ? null : code.strip())
			.filter(MatterCategory::active)
			.orElseThrow(() -> InvalidInputException.onField("categoryCode", "matters.category.unknown"));
	}

	/** A lead unit must be an active unit of the police: an outside agency has no accounts to sign with. */
	private void requireLeadUnit(long unitId, String field) {
		UnitRef unit = requireUnit(unitId, field);
		if (unit.type() == UnitType.EXTERNAL_AGENCY) {
			throw InvalidInputException.onField(field, "matters.unit.externalLead");
		}
	}

	private UnitRef requireUnit(long unitId, String field) {
		return organization.findUnit(unitId)
			.filter(UnitRef::active)
			.orElseThrow(() -> InvalidInputException.onField(field, "matters.unit.unknown"));
	}

	private Instant now() {
		return clock.instant();
	}

}
