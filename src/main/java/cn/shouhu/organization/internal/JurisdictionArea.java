package cn.shouhu.organization.internal;

import org.springframework.data.relational.core.mapping.Table;

/** 辖区: one community or road a station covers; part of the {@link Unit} aggregate. */
@Table("unit_jurisdiction")
public record JurisdictionArea(AreaKind areaKind, String name) {
}
