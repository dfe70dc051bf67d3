package cn.shouhu.organization.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.organization.OfficerLeft;
import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.OfficerTransferred;
import cn.shouhu.shared.DataScope;
import cn.shouhu.shared.NotFoundException;

/**
 * 民警名册: registers, corrects, transfers and retires officers. Every read and write is limited to the staff
 * member's data scope, bound into the query; an officer outside it is answered exactly like one that does not
 * exist (404), for reading and for writing alike.
 */
@Service
@Transactional
public class Roster {

	private final OfficerRepository officers;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final StaffScopes scopes;

	Roster(OfficerRepository officers, JdbcClient jdbc, AuditTrail audit,
			ApplicationEventPublisher events, StaffScopes scopes) {
		this.officers = officers;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.scopes = scopes;
	}

	/** A new officer's values, trimmed; blanks are null. */
	public record NewOfficer(String badgeNo, String name, Long unitId, String position, boolean partyMember,
			OfficerStatus status) {

		public NewOfficer {
			badgeNo = OfficerRules.clean(badgeNo);
			name = OfficerRules.clean(name);
			position = OfficerRules.clean(position);
			status = status == null ? OfficerStatus.ACTIVE : status;
		}

	}

	/** Corrections to an officer's own fields. */
	public record OfficerChanges(String badgeNo, String name, String position, boolean partyMember) {

		public OfficerChanges {
			badgeNo = OfficerRules.clean(badgeNo);
			name = OfficerRules.clean(name);
			position = OfficerRules.clean(position);
		}

	}

	/** An officer as the pages show it. */
	public record OfficerView(long id, String badgeNo, String name, long unitId, String unitLabel, String position,
			boolean partyMember, OfficerStatus status, int version) {
	}

	/** One officer the staff member may see. */
	@Transactional(readOnly = true)
	public OfficerView get(long id) {
		return view(find(id, scopes.officerRead()));
	}

	/** One officer the staff member may change, for an edit, transfer or leave form. */
	@Transactional(readOnly = true)
	public OfficerView getForChange(long id) {
		return view(find(id, scopes.officerWrite()));
	}

	/** True if the signed-in staff member may change officers somewhere. */
	public boolean mayChange() {
		return scopes.mayWriteOfficers();
	}

	/** True if the signed-in staff member may change this officer. */
	@Transactional(readOnly = true)
	public boolean mayChange(long officerId) {
		return scopes.mayWriteOfficers() && visible(officerId, scopes.officerWrite());
	}

	/** The units a new or transferred officer may be placed in by this staff member. */
	@Transactional(readOnly = true)
	public List<UnitIndex.Node> placeableUnits() {
		return UnitIndex.load(jdbc, scopes.officerWrite())
			.withinScope()
			.stream()
			.filter(node -> node.active() && !node.external())
			.toList();
	}

	public long create(NewOfficer officer) {
		return create(officer, scopes.officerWrite());
	}

	/** Registers an officer within {@code scope}: the form, the import and the system setup all come here. */
	long create(NewOfficer input, DataScope scope) {
		return create(input, UnitIndex.load(jdbc, scope));
	}

	/**
	 * @param unitIndex the unit tree with the staff member's scope marked, loaded once by a caller that registers
	 * many officers in one transaction
	 */
	long create(NewOfficer input, UnitIndex unitIndex) {
		RejectedInput.throwIfAny(check(input, unitIndex));
		UnitIndex.Node unit = unitIndex.find(input.unitId()).orElseThrow();
		Officer officer = Officer.register(input.badgeNo(), input.name(), unit, input.position(),
				input.partyMember(), input.status(), Instant.now());
		officers.save(officer);
		audit.record(AuditRecord.created(UnitTree.MODULE, "officer", officer.id(), officer.snapshot()));
		return officer.id();
	}

	/**
	 * Everything wrong with a new officer, field by field: formats, a 警号 already in use, and a unit that does not
	 * exist, is out of scope, inactive or an external agency.
	 */
	@Transactional(readOnly = true)
	List<Violation> check(NewOfficer input, UnitIndex unitIndex) {
		List<Violation> violations = new ArrayList<>(
				OfficerRules.check(input.badgeNo(), input.name(), input.position()));
		if (input.badgeNo() != null && violations.stream().noneMatch(v -> v.field().equals("badgeNo"))
				&& officers.existsByBadgeNo(input.badgeNo())) {
			violations.add(new Violation("badgeNo", "organization.officer.badgeNo.duplicate", input.badgeNo()));
		}
		unitProblem(input.unitId(), unitIndex).ifPresent(violations::add);
		return violations;
	}

	/**
	 * What keeps an officer out of a unit: it does not exist, lies outside the scope the index was loaded with, is
	 * inactive or is an external agency.
	 */
	private static Optional<Violation> unitProblem(Long unitId, UnitIndex unitIndex) {
		if (unitId == null) {
			return Optional.of(new Violation("unitId", "organization.officer.unit.required"));
		}
		Optional<UnitIndex.Node> unit = unitIndex.find(unitId);
		if (unit.isEmpty()) {
			return Optional.of(new Violation("unitId", "organization.officer.unit.notFound"));
		}
		if (!unitIndex.inScope(unitId)) {
			return Optional.of(new Violation("unitId", "organization.officer.unit.outOfScope", unit.get().name()));
		}
		return Optional.ofNullable(Officer.unitProblem(unit.get()));
	}

	public void edit(long id, int version, OfficerChanges changes) {
		Officer officer = find(id, scopes.officerWrite());
		officer.checkVersion(version);
		Map<String, Object> before = officer.snapshot();
		List<Violation> violations = new ArrayList<>(
				OfficerRules.check(changes.badgeNo(), changes.name(), changes.position()));
		if (changes.badgeNo() != null && violations.stream().noneMatch(v -> v.field().equals("badgeNo"))
				&& officers.existsByBadgeNoAndIdNot(changes.badgeNo(), id)) {
			violations.add(new Violation("badgeNo", "organization.officer.badgeNo.duplicate", changes.badgeNo()));
		}
		RejectedInput.throwIfAny(violations);
		officer.edit(changes.badgeNo(), changes.name(), changes.position(), changes.partyMember(), Instant.now());
		officers.save(officer);
		audit.record(AuditRecord.updated(UnitTree.MODULE, "officer.update", "officer", id, before,
				officer.snapshot()));
	}

	/**
	 * 调动: both the officer's present unit and the target must lie within the staff member's scope. The accounts
	 * module hears {@link OfficerTransferred} and ends the officer's sessions, whose scope was the old unit's.
	 */
	public void transfer(long id, int version, Long targetUnitId) {
		DataScope scope = scopes.officerWrite();
		Officer officer = find(id, scope);
		officer.checkVersion(version);
		UnitIndex unitIndex = UnitIndex.load(jdbc, scope);
		Optional<Violation> problem = unitProblem(targetUnitId, unitIndex);
		if (problem.isPresent()) {
			throw new RejectedInput(List.of(problem.get()));
		}
		UnitIndex.Node target = unitIndex.find(targetUnitId).orElseThrow();
		Map<String, Object> before = officer.snapshot();
		OfficerTransferred transferred = officer.transferTo(target, Instant.now());
		officers.save(officer);
		audit.record(AuditRecord.updated(UnitTree.MODULE, "officer.transfer", "officer", id, before,
				officer.snapshot()));
		events.publishEvent(transferred);
	}

	/** 调离 or 退休: the accounts module hears {@link OfficerLeft} and disables the officer's account. */
	public void leave(long id, int version, OfficerStatus status) {
		Officer officer = find(id, scopes.officerWrite());
		officer.checkVersion(version);
		Map<String, Object> before = officer.snapshot();
		OfficerLeft left = officer.leave(status, Instant.now());
		officers.save(officer);
		audit.record(AuditRecord.updated(UnitTree.MODULE, "officer.leave", "officer", id, before,
				officer.snapshot()));
		events.publishEvent(left);
	}

	/** The officer, if it exists and lies within the scope; 404 otherwise, the same answer in both cases. */
	private Officer find(long id, DataScope scope) {
		if (!visible(id, scope)) {
			throw new NotFoundException("organization.officer.notFound");
		}
		return officers.findById(id).orElseThrow(() -> new NotFoundException("organization.officer.notFound"));
	}

	private boolean visible(long id, DataScope scope) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM officer o JOIN unit u ON u.id = o.unit_id
				WHERE o.id = :id AND (:scopeAll OR u.path LIKE :scopePath)""")
			.param("id", id)
			.param("scopeAll", scope.unrestricted())
			.param("scopePath", scope.likePattern())
			.query(Long.class)
			.single() > 0;
	}

	private OfficerView view(Officer officer) {
		String label = UnitIndex.load(jdbc).label(officer.unitId());
		return new OfficerView(officer.id(), officer.badgeNo(), officer.name(), officer.unitId(), label,
				officer.position(), officer.partyMember(), officer.status(), officer.version());
	}

}
