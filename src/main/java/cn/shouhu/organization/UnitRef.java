package cn.shouhu.organization;

/** What other modules may know of a unit. */
public record UnitRef(long id, Long parentId, String name, UnitType type, String path, boolean active) {
}
