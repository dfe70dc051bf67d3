package cn.shouhu.organization.internal;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** 辖区: one community or road a station covers; part of the {@link Unit} aggregate. */
@Table("unit_jurisdiction")
public record JurisdictionArea(@Column("area_kind") AreaKind areaKind, @Column("name") String name) {
}
