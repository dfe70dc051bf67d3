/**
 * 分类建议: at intake and dispatch, the three most likely categories with their confidence (from a text model of the
 * {@code classification} module), the lead unit for a category and a place, and open matters that look like the
 * same problem; the model versions, retrained from the branch's own closed matters by an administrator or weekly.
 * {@link cn.shouhu.matters.suggestions.Suggestions} is what the pages use.
 */
package cn.shouhu.matters.suggestions;
