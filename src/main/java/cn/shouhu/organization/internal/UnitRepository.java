package cn.shouhu.organization.internal;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface UnitRepository extends ListCrudRepository<Unit, Long> {

	boolean existsByParentIdIsNull();

	boolean existsByParentIdAndName(Long parentId, String name);

	boolean existsByParentIdAndNameAndIdNot(Long parentId, String name, Long id);

	long countByParentIdAndActiveTrue(Long parentId);

	/** The unit's strict descendants are those whose path starts with its path, less the unit itself. */
	List<Unit> findByPathStartingWith(String pathPrefix);

}
