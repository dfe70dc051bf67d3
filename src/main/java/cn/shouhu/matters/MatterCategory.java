package cn.shouhu.matters;

import cn.shouhu.organization.UnitType;

/**
 * A business category (业务类别) from the dictionary an administrator keeps: 户政, 出入境, 交通管理 …
 *
 * @param leadUnitType the kind of unit that usually leads such matters (a station for 户政, a brigade for 交通管理)
 * @param defaultUnitId the unit that leads them when it is always the same one (交管大队), or null
 */
public record MatterCategory(String code, String name, UnitType leadUnitType, Long defaultUnitId, int sortOrder,
		boolean active) {
}
