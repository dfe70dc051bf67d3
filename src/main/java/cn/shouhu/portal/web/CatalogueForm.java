package cn.shouhu.portal.web;

import cn.shouhu.portal.ServiceItem;

/** 服务事项 as the staff form sends it; the version catches a form gone stale. */
class CatalogueForm {

	private String name;

	private String description;

	private String mode;

	private String categoryCode;

	private String whereToGo;

	private String sortOrder = "0";

	private boolean active = true;

	private int version;

	static CatalogueForm of(ServiceItem item) {
		CatalogueForm form = new CatalogueForm();
		form.name = item.name();
		form.description = item.description();
		form.mode = item.mode().name();
		form.categoryCode = item.categoryCode();
		form.whereToGo = item.whereToGo();
		form.sortOrder = String.valueOf(item.sortOrder());
		form.active = item.active();
		form.version = item.version();
		return form;
	}

	static String stripped(String text) {
		return text == null ? "" : text.strip();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getMode() {
		return mode;
	}

	public void setMode(String mode) {
		this.mode = mode;
	}

	public String getCategoryCode() {
		return categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public String getWhereToGo() {
		return whereToGo;
	}

	public void setWhereToGo(String whereToGo) {
		this.whereToGo = whereToGo;
	}

	public String getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(String sortOrder) {
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
