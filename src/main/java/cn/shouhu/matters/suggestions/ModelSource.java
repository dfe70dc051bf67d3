package cn.shouhu.matters.suggestions;

/** What a model version was trained on. */
enum ModelSource {

	/** The corpus that ships with Shouhu: the first model of every branch. */
	DEFAULT_CORPUS,
	/** The corpus and the branch's own closed matters (their final category is the label). */
	BRANCH_HISTORY

}
