package cn.shouhu.organization.web;

import cn.shouhu.organization.UnitType;

/** The new-unit, edit-unit and move-unit forms. */
public class UnitForm {

	private Long parentId;

	private String name;

	private UnitType unitType;

	private Integer sortOrder;

	private int version;

	public Long getParentId() {
		return parentId;
	}

	public void setParentId(Long parentId) {
		this.parentId = parentId;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public UnitType getUnitType() {
		return unitType;
	}

	public void setUnitType(UnitType unitType) {
		this.unitType = unitType;
	}

	public Integer getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(Integer sortOrder) {
		this.sortOrder = sortOrder;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	int sortOrderOrZero() {
		return sortOrder == null ? 0 : sortOrder;
	}

}
