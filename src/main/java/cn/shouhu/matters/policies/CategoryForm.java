package cn.shouhu.matters.policies;

import cn.shouhu.matters.MatterCategory;
import cn.shouhu.organization.UnitType;

/** One category of the dictionary as the form edits it; the code is set once, when it is added. */
class CategoryForm {

	private String code;

	private String name;

	private UnitType leadUnitType;

	private Long defaultUnitId;

	private Integer sortOrder;

	private boolean active = true;

	private int version;

	static CategoryForm of(MatterCategory category, int version) {
		CategoryForm form = new CategoryForm();
		form.code = category.code();
		form.name = category.name();
		form.leadUnitType = category.leadUnitType();
		form.defaultUnitId = category.defaultUnitId();
		form.sortOrder = category.sortOrder();
		form.active = category.active();
		form.version = version;
		return form;
	}

	String nameStripped() {
		return name == null ? "" : name.strip();
	}

	String codeStripped() {
		return code == null ? "" : code.strip();
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public UnitType getLeadUnitType() {
		return leadUnitType;
	}

	public void setLeadUnitType(UnitType leadUnitType) {
		this.leadUnitType = leadUnitType;
	}

	public Long getDefaultUnitId() {
		return defaultUnitId;
	}

	public void setDefaultUnitId(Long defaultUnitId) {
		this.defaultUnitId = defaultUnitId;
	}

	public Integer getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(Integer sortOrder) {
		this.sortOrder = sortOrder;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
