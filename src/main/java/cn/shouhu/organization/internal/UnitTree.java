package cn.shouhu.organization.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.shouhu.audit.AuditRecord;
import cn.shouhu.audit.AuditTrail;
import cn.shouhu.organization.OfficerStatus;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.InvalidInputException;
import cn.shouhu.shared.NotFoundException;

/**
 * Keeps the unit tree: every signed-in staff member reads it (dispatch needs it), system administrators change it.
 * Each change is one transaction with its audit record; a move rewrites the paths of the whole subtree in it.
 */
@Service
@Transactional
public class UnitTree {

	static final String MODULE = "organization";

	private final UnitRepository units;

	private final OfficerRepository officers;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final StaffScopes scopes;

	UnitTree(UnitRepository units, OfficerRepository officers, JdbcClient jdbc, AuditTrail audit,
			StaffScopes scopes) {
		this.units = units;
		this.officers = officers;
		this.jdbc = jdbc;
		this.audit = audit;
		this.scopes = scopes;
	}

	/** Everything the unit page shows. */
	public record UnitPage(UnitIndex.Node unit, int version, List<UnitIndex.Node> ancestors,
			List<UnitIndex.Node> children, long officersHere, long officersInSubtree, List<String> communities,
			List<String> roads) {
	}

	@Transactional(readOnly = true)
	public UnitIndex index() {
		return UnitIndex.load(jdbc);
	}

	@Transactional(readOnly = true)
	public UnitPage page(long id) {
		Unit unit = load(id);
		UnitIndex index = UnitIndex.load(jdbc);
		UnitIndex.Node node = index.find(id).orElseThrow(() -> new NotFoundException("organization.unit.notFound"));
		long here = officers.countByUnitIdAndStatus(id, OfficerStatus.ACTIVE);
		long inSubtree = jdbc.sql("""
				SELECT COUNT(*) FROM officer o JOIN unit u ON u.id = o.unit_id
				WHERE o.status = :status AND u.path LIKE :subtree""")
			.param("status", OfficerStatus.ACTIVE.name())
			.param("subtree", unit.path() + "%")
			.query(Long.class)
			.single();
		return new UnitPage(node, unit.version(), index.ancestors(id), index.children(id), here, inSubtree,
				unit.areas(AreaKind.COMMUNITY), unit.areas(AreaKind.ROAD));
	}

	/** The current values, for an edit form. */
	@Transactional(readOnly = true)
	public Unit get(long id) {
		return load(id);
	}

	public long create(Long parentId, String name, UnitType type, int sortOrder) {
		scopes.requireUnitAdmin();
		return createUnit(parentId, name, type, sortOrder);
	}

	/** Without a staff member: for {@link cn.shouhu.organization.OrganizationSetup}. */
	long createUnit(Long parentId, String name, UnitType type, int sortOrder) {
		if (type == null) {
			throw InvalidInputException.onField("unitType", "organization.unit.type.required");
		}
		Instant now = Instant.now();
		Unit unit;
		String parentPath;
		if (parentId == null) {
			if (units.existsByParentIdIsNull()) {
				throw InvalidInputException.onField("parentId", "organization.unit.root.exists");
			}
			unit = Unit.root(name, type, sortOrder, now);
			parentPath = "/";
		}
		else {
			Unit parent = units.findById(parentId)
				.orElseThrow(() -> InvalidInputException.onField("parentId", "organization.unit.parent.notFound"));
			unit = Unit.createUnder(parent, name, type, sortOrder, now);
			requireFreeName(parentId, unit.name(), null);
			parentPath = parent.path();
		}
		units.save(unit);
		unit.placeUnder(parentPath);
		units.save(unit);
		audit.record(AuditRecord.created(MODULE, "unit", unit.id(), snapshot(unit)));
		return unit.id();
	}

	/** Renames, retypes and reorders a unit. */
	public void edit(long id, int version, String name, UnitType type, int sortOrder) {
		scopes.requireUnitAdmin();
		Unit unit = load(id);
		unit.checkVersion(version);
		Map<String, Object> before = snapshot(unit);
		Instant now = Instant.now();
		unit.rename(name, now);
		if (!unit.isRoot()) {
			requireFreeName(unit.parentId(), unit.name(), unit.id());
		}
		Unit parent = unit.isRoot() ? null : load(unit.parentId());
		unit.changeType(type, parent, now);
		unit.changeSortOrder(sortOrder, now);
		units.save(unit);
		audit.record(AuditRecord.updated(MODULE, "unit.update", "unit", id, before, snapshot(unit)));
	}

	/** Moves a unit with its subtree under another parent, rewriting every path below it. */
	public void move(long id, int version, Long newParentId) {
		scopes.requireUnitAdmin();
		Unit unit = load(id);
		unit.checkVersion(version);
		if (newParentId == null) {
			throw InvalidInputException.onField("parentId", "organization.unit.parent.required");
		}
		Unit parent = units.findById(newParentId)
			.orElseThrow(() -> InvalidInputException.onField("parentId", "organization.unit.parent.notFound"));
		if (Objects.equals(unit.parentId(), newParentId)) {
			return;
		}
		Map<String, Object> before = snapshot(unit);
		List<Unit> descendants = units.findByPathStartingWith(unit.path())
			.stream()
			.filter(u -> !u.id().equals(unit.id()))
			.toList();
		Instant now = Instant.now();
		String oldPath = unit.moveUnder(parent, now);
		requireFreeName(newParentId, unit.name(), unit.id());
		units.save(unit);
		for (Unit descendant : descendants) {
			descendant.rebase(oldPath, unit.path(), now);
		}
		units.saveAll(descendants);
		Map<String, Object> after = snapshot(unit);
		after.put("subtreeUnitsMoved", descendants.size());
		audit.record(AuditRecord.updated(MODULE, "unit.move", "unit", id, before, after));
	}

	public void deactivate(long id, int version) {
		scopes.requireUnitAdmin();
		Unit unit = load(id);
		unit.checkVersion(version);
		Map<String, Object> before = snapshot(unit);
		unit.deactivate(units.countByParentIdAndActiveTrue(id),
				officers.countByUnitIdAndStatus(id, OfficerStatus.ACTIVE), Instant.now());
		units.save(unit);
		audit.record(AuditRecord.updated(MODULE, "unit.deactivate", "unit", id, before, snapshot(unit)));
	}

	public void reactivate(long id, int version) {
		scopes.requireUnitAdmin();
		Unit unit = load(id);
		unit.checkVersion(version);
		Map<String, Object> before = snapshot(unit);
		unit.reactivate(unit.isRoot() ? null : load(unit.parentId()), Instant.now());
		units.save(unit);
		audit.record(AuditRecord.updated(MODULE, "unit.reactivate", "unit", id, before, snapshot(unit)));
	}

	public void setJurisdiction(long id, int version, List<String> communities, List<String> roads) {
		scopes.requireUnitAdmin();
		replaceJurisdiction(id, version, communities, roads);
	}

	/** @param version the version the form was opened with, or null for a caller without a form */
	void replaceJurisdiction(long id, Integer version, List<String> communities, List<String> roads) {
		Unit unit = load(id);
		if (version != null) {
			unit.checkVersion(version);
		}
		Map<String, Object> before = snapshot(unit);
		unit.replaceJurisdiction(communities, roads, Instant.now());
		units.save(unit);
		audit.record(AuditRecord.updated(MODULE, "unit.jurisdiction", "unit", id, before, snapshot(unit)));
	}

	@Transactional(readOnly = true)
	boolean isEmpty() {
		return units.count() == 0;
	}

	private void requireFreeName(Long parentId, String name, Long exceptId) {
		boolean taken = exceptId == null ? units.existsByParentIdAndName(parentId, name)
				: units.existsByParentIdAndNameAndIdNot(parentId, name, exceptId);
		if (taken) {
			throw InvalidInputException.onField("name", "organization.unit.name.duplicate", name);
		}
	}

	private Unit load(long id) {
		return units.findById(id).orElseThrow(() -> new NotFoundException("organization.unit.notFound"));
	}

	private static Map<String, Object> snapshot(Unit unit) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", unit.name());
		values.put("unitType", unit.unitType());
		values.put("parentId", unit.parentId());
		values.put("path", unit.path());
		values.put("active", unit.active());
		values.put("sortOrder", unit.sortOrder());
		values.put("communities", unit.areas(AreaKind.COMMUNITY));
		values.put("roads", unit.areas(AreaKind.ROAD));
		return values;
	}

}
