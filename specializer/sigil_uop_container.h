/* sigil_uop_container.h: micro-ops of BINARY_SUBSCR, STORE_SUBSCR, CONTAINS_OP, UNPACK_SEQUENCE and FOR_ITER.
 * Included by sigil_uop.h only.
 */
