package cn.shouhu.organization.internal;

import org.springframework.data.repository.ListCrudRepository;

import cn.shouhu.organization.OfficerStatus;

interface OfficerRepository extends ListCrudRepository<Officer, Long> {

	boolean existsByBadgeNo(String badgeNo);

	boolean existsByBadgeNoAndIdNot(String badgeNo, Long id);

	long countByUnitIdAndStatus(Long unitId, OfficerStatus status);

}
