package cn.shouhu.organization.internal;

import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.shouhu.organization.UnitRef;
import cn.shouhu.organization.UnitType;
import cn.shouhu.shared.ConflictException;
import cn.shouhu.shared.InvalidInputException;

/**
 * A unit of the branch's tree. The branch (分局) is the single root; every other unit has an active parent when it
 * is created or moved. The materialised {@code path} ("/1/4/9/") lists the ids from the root down to the unit
 * itself, so a subtree is every unit whose path starts with its root's path. Units are deactivated, never deleted.
 */
@Table("unit")
public class Unit {

	static final int MAX_NAME_LENGTH = 100;

	static final int MAX_AREA_NAME_LENGTH = 100;

	static final int MAX_AREAS = 500;

	@Id
	private Long id;

	private Long parentId;

	private String name;

	private UnitType unitType;

	private String path;

	private boolean active;

	private int sortOrder;

	@Version
	private Integer version;

	private Instant createdAt;

	private Instant updatedAt;

	@MappedCollection(idColumn = "unit_id")
	private Set<JurisdictionArea> jurisdiction;

	@PersistenceCreator
	Unit(Long id, Long parentId, String name, UnitType unitType, String path, boolean active, int sortOrder,
			Integer version, Instant createdAt, Instant updatedAt, Set<JurisdictionArea> jurisdiction) {
		this.id = id;
		this.parentId = parentId;
		this.name = name;
		this.unitType = unitType;
		this.path = path;
		this.active = active;
		this.sortOrder = sortOrder;
		this.version = version;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.jurisdiction = jurisdiction == null ? new HashSet<>() : new HashSet<>(jurisdiction);
	}

	/** The branch itself, the root of the tree. Its path is known once the database has given it an id. */
	static Unit root(String name, UnitType type, int sortOrder, Instant now) {
		if (type != UnitType.BRANCH) {
			throw InvalidInputException.onField("unitType", "organization.unit.root.mustBeBranch");
		}
		return new Unit(null, null, validName(name), type, "/", true, sortOrder, null, now, now, null);
	}

	/** A new unit under {@code parent}; call {@link #placeUnder(String)} once it has an id. */
	static Unit createUnder(Unit parent, String name, UnitType type, int sortOrder, Instant now) {
		Objects.requireNonNull(type, "type");
		parent.acceptChild(type);
		return new Unit(null, parent.id, validName(name), type, parent.path, true, sortOrder, null, now, now, null);
	}

	/** Completes the path of a freshly inserted unit: its parent's path followed by its own id. */
	void placeUnder(String parentPath) {
		if (id == null) {
			throw new IllegalStateException("A unit gets its path after it has an id");
		}
		this.path = parentPath + id + "/";
	}

	/** Refuses a child of {@code type} where the tree's rules forbid it. */
	void acceptChild(UnitType type) {
		if (!active) {
			throw InvalidInputException.onField("parentId", "organization.unit.parent.inactive", name);
		}
		if (type == UnitType.BRANCH) {
			throw InvalidInputException.onField("unitType", "organization.unit.branch.onlyRoot");
		}
		if (unitType == UnitType.EXTERNAL_AGENCY && type != UnitType.EXTERNAL_AGENCY) {
			throw InvalidInputException.onField("parentId", "organization.unit.parent.external", name);
		}
	}

	void rename(String newName, Instant now) {
		this.name = validName(newName);
		this.updatedAt = now;
	}

	void changeSortOrder(int newSortOrder, Instant now) {
		this.sortOrder = newSortOrder;
		this.updatedAt = now;
	}

	/**
	 * Changes the kind of unit. The branch stays the branch, and police units and external agencies are kept apart
	 * (an agency has no accounts and no officers); a station keeps its jurisdiction only while it is a station.
	 */
	void changeType(UnitType newType, Unit parent, Instant now) {
		Objects.requireNonNull(newType, "type");
		if (newType == unitType) {
			return;
		}
		boolean fixed = unitType == UnitType.BRANCH || newType == UnitType.BRANCH
				|| unitType == UnitType.EXTERNAL_AGENCY || newType == UnitType.EXTERNAL_AGENCY;
		if (fixed) {
			throw InvalidInputException.onField("unitType", "organization.unit.type.fixed");
		}
		if (unitType == UnitType.STATION && !jurisdiction.isEmpty()) {
			throw InvalidInputException.onField("unitType", "organization.unit.type.hasJurisdiction");
		}
		if (parent != null && parent.unitType == UnitType.EXTERNAL_AGENCY) {
			throw InvalidInputException.onField("unitType", "organization.unit.parent.external", parent.name);
		}
		this.unitType = newType;
		this.updatedAt = now;
	}

	/**
	 * Moves this unit, with its whole subtree, under {@code newParent}. Refuses the root, and refuses a parent
	 * that is the unit itself or one of its descendants: that would cut the subtree off the tree.
	 *
	 * @return the unit's old path, the prefix its descendants' paths must be rebased from
	 */
	String moveUnder(Unit newParent, Instant now) {
		if (isRoot()) {
			throw new InvalidInputException("organization.unit.move.root");
		}
		if (newParent.path.startsWith(path)) {
			throw InvalidInputException.onField("parentId", "organization.unit.move.intoOwnSubtree", name,
					newParent.name);
		}
		newParent.acceptChild(unitType);
		String oldPath = path;
		this.parentId = newParent.id;
		this.path = newParent.path + id + "/";
		this.updatedAt = now;
		return oldPath;
	}

	/** Follows an ancestor's move: replaces the ancestor's old path prefix with its new one. */
	void rebase(String oldPrefix, String newPrefix, Instant now) {
		if (!path.startsWith(oldPrefix)) {
			throw new IllegalArgumentException("Unit " + id + " is not below " + oldPrefix);
		}
		this.path = newPrefix + path.substring(oldPrefix.length());
		this.updatedAt = now;
	}

	/**
	 * 停用. Refused while the unit still has active child units or active officers: a unit that vanished from
	 * every choice list while people still worked in it would leave their accounts, and the matters dispatched to
	 * them, pointing at a unit nobody can select. The message says what to move first.
	 */
	void deactivate(long activeChildren, long activeOfficers, Instant now) {
		if (isRoot()) {
			throw new InvalidInputException("organization.unit.deactivate.root");
		}
		if (!active) {
			throw new ConflictException("organization.unit.alreadyInactive", name);
		}
		if (activeChildren > 0 || activeOfficers > 0) {
			throw new InvalidInputException("organization.unit.deactivate.busy", name, activeChildren, activeOfficers);
		}
		this.active = false;
		this.updatedAt = now;
	}

	/** 启用: a unit comes back only under an active parent. */
	void reactivate(Unit parent, Instant now) {
		if (active) {
			throw new ConflictException("organization.unit.alreadyActive", name);
		}
		if (parent != null && !parent.active) {
			throw new InvalidInputException("organization.unit.reactivate.parentInactive", parent.name);
		}
		this.active = true;
		this.updatedAt = now;
	}

	/**
	 * Replaces the station's jurisdiction: blank lines are dropped, names trimmed, duplicates kept once.
	 */
	void replaceJurisdiction(List<String> communities, List<String> roads, Instant now) {
		if (unitType != UnitType.STATION) {
			throw new InvalidInputException("organization.unit.jurisdiction.stationOnly");
		}
		Set<JurisdictionArea> areas = new LinkedHashSet<>();
		addAreas(areas, AreaKind.COMMUNITY, communities, "communities");
		addAreas(areas, AreaKind.ROAD, roads, "roads");
		if (areas.size() > MAX_AREAS) {
			throw new InvalidInputException("organization.unit.jurisdiction.tooMany", MAX_AREAS);
		}
		this.jurisdiction = new HashSet<>(areas);
		this.updatedAt = now;
	}

	private static void addAreas(Set<JurisdictionArea> areas, AreaKind kind, List<String> names, String field) {
		if (names == null) {
			return;
		}
		for (String raw : names) {
			String areaName = raw == null ? "" : raw.strip();
			if (areaName.isEmpty()) {
				continue;
			}
			if (areaName.length() > MAX_AREA_NAME_LENGTH) {
				throw InvalidInputException.onField(field, "organization.unit.jurisdiction.nameTooLong", areaName,
						MAX_AREA_NAME_LENGTH);
			}
			areas.add(new JurisdictionArea(kind, areaName));
		}
	}

	static String validName(String name) {
		String trimmed = name == null ? "" : name.strip();
		if (trimmed.isEmpty()) {
			throw InvalidInputException.onField("name", "organization.unit.name.required");
		}
		if (trimmed.length() > MAX_NAME_LENGTH) {
			throw InvalidInputException.onField("name", "organization.unit.name.tooLong", MAX_NAME_LENGTH);
		}
		return trimmed;
	}

	/** The stale-form check: the version the form was opened with must still be the current one. */
	void checkVersion(int expected) {
		if (version == null || version != expected) {
			throw new ConflictException("organization.unit.stale", name);
		}
	}

	boolean isRoot() {
		return parentId == null;
	}

	/** True if {@code other} is this unit or lies below it. */
	boolean contains(Unit other) {
		return other.path.startsWith(path);
	}

	public Long id() {
		return id;
	}

	public Long parentId() {
		return parentId;
	}

	public String name() {
		return name;
	}

	public UnitType unitType() {
		return unitType;
	}

	public String path() {
		return path;
	}

	public boolean active() {
		return active;
	}

	public int sortOrder() {
		return sortOrder;
	}

	public Integer version() {
		return version;
	}

	/** The jurisdiction's names of one kind, in Chinese (pinyin) order. */
	public List<String> areas(AreaKind kind) {
		List<String> names = new ArrayList<>();
		for (JurisdictionArea area : jurisdiction) {
			if (area.areaKind() == kind) {
				names.add(area.name());
			}
		}
		names.sort(Collator.getInstance(Locale.SIMPLIFIED_CHINESE));
		return Collections.unmodifiableList(names);
	}

	public UnitRef toRef() {
		return new UnitRef(id, parentId, name, unitType, path, active);
	}

}
