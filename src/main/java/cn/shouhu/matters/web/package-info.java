/** The staff pages of the closed loop: the matter page and its actions, the intake desk, 我的待办 and the board. */
package cn.shouhu.matters.web;
