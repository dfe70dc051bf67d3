package cn.shouhu.organization.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import cn.shouhu.organization.OfficerLeft;
import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.OfficerTransferred;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;

/**
 * An officer (民警) of the branch: 警号, name, unit, position, party membership and status. An officer changes unit
 * only by a transfer, and leaves the branch (调离) or retires (退休) only from active service; both are events other
 * modules react to (the accounts module ends the officer's sessions or disables the account).
 */
@Table("officer")
public class Officer {

	@Id
	private Long id;

	private String badgeNo;

	private String name;

	private Long unitId;

	private String position;

	private boolean partyMember;

	private OfficerStatus status;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	Officer(Long id, String badgeNo, String name, Long unitId, String position, boolean partyMember,
			OfficerStatus status, Integer version, Instant createdAt, Instant updatedAt) {
		this.id = id;
		this.badgeNo = badgeNo;
		this.name = name;
		this.unitId = unitId;
		this.position = position;
		this.partyMember = partyMember;
		this.status = status;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
	}

	/**
	 * Registers an officer in {@code unit}. The caller has checked that the 警号 is free; the formats and the unit
	 * are checked here again, whoever calls.
	 */
	static Officer register(String badgeNo, String name, UnitIndex.Node unit, String position, boolean partyMember,
			OfficerStatus status, Instant now) {
		String cleanPosition = OfficerRules.clean(position);
		RejectedInput.throwIfAny(OfficerRules.check(badgeNo, name, cleanPosition));
		checkUnit(unit);
		return new Officer(null, badgeNo, name, unit.id(), cleanPosition, partyMember,
				status == null ? OfficerStatus.ACTIVE : status, null, now, now);
	}

	/** Corrects the officer's own fields; the unit and the status change only through their own actions. */
	void edit(String newBadgeNo, String newName, String newPosition, boolean newPartyMember, Instant now) {
		String cleanPosition = OfficerRules.clean(newPosition);
		RejectedInput.throwIfAny(OfficerRules.check(newBadgeNo, newName, cleanPosition));
		this.badgeNo = newBadgeNo;
		this.name = newName;
		this.position = cleanPosition;
		this.partyMember = newPartyMember;
		this.updatedAt = now;
	}

	/** 调动: to another unit of the branch. Only an officer in active service moves. */
	OfficerTransferred transferTo(UnitIndex.Node target, Instant now) {
		if (status != OfficerStatus.ACTIVE) {
			throw new ConflictException("organization.officer.transfer.notActive", name);
		}
		if (target.id() == unitId) {
			throw InvalidInputException.onField("unitId", "organization.officer.transfer.sameUnit", target.name());
		}
		checkUnit(target);
		long from = unitId;
		this.unitId = target.id();
		this.updatedAt = now;
		return new OfficerTransferred(id, from, target.id());
	}

	/** 调离 (leaves the branch) or 退休 (retires). */
	OfficerLeft leave(OfficerStatus newStatus, Instant now) {
		if (newStatus != OfficerStatus.TRANSFERRED && newStatus != OfficerStatus.RETIRED) {
			throw InvalidInputException.onField("status", "organization.officer.leave.status");
		}
		if (status != OfficerStatus.ACTIVE) {
			throw new ConflictException("organization.officer.leave.notActive", name);
		}
		this.status = newStatus;
		this.updatedAt = now;
		return new OfficerLeft(id, newStatus);
	}

	/** An officer works in an active police unit, never in an external agency. */
	static Violation unitProblem(UnitIndex.Node unit) {
		if (unit.type() == UnitType.EXTERNAL_AGENCY) {
			return new Violation("unitId", "organization.officer.unit.external", unit.name());
		}
		if (!unit.active()) {
			return new Violation("unitId", "organization.officer.unit.inactive", unit.name());
		}
		return null;
	}

	private static void checkUnit(UnitIndex.Node unit) {
		Violation problem = unitProblem(unit);
		if (problem != null) {
			throw new RejectedInput(List.of(problem));
		}
	}

	/** The stale-form check: the version the form was opened with must still be the current one. */
	void checkVersion(int expected) {
		if (version == null || version != expected) {
			throw new ConflictException("organization.officer.stale", name);
		}
	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("badgeNo", badgeNo);
		values.put("name", name);
		values.put("unitId", unitId);
		values.put("position", position);
		values.put("partyMember", partyMember);
		values.put("status", status);
		return values;
	}

	public Long id() {
		return id;
	}

	public String badgeNo() {
		return badgeNo;
	}

	public String name() {
		return name;
	}

	public Long unitId() {
		return unitId;
	}

	public String position() {
		return position;
	}

	public boolean partyMember() {
		return partyMember;
	}

	public OfficerStatus status() {
		return status;
	}

	public Integer version() {
		return version;
	}

}
