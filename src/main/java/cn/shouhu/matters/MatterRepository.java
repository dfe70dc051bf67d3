package cn.shouhu.matters;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface MatterRepository extends CrudRepository<Matter, Long> {

	/** The next matter id, taken before the matter is built so that its events carry it. */
	@Query("SELECT nextval('matter_id_seq')")
	long nextId();

	boolean existsByTrackingCode(String trackingCode);

	Optional<Matter> findByTrackingCode(String trackingCode);

	List<Matter> findByMergedIntoAndState(long mergedInto, MatterState state);

}
