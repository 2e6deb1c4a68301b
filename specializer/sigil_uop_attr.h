/* sigil_uop_attr.h: micro-ops of LOAD_ATTR and STORE_ATTR.
 * Included by sigil_uop.h only.
 */
