/* sigil_uop_call.h: micro-ops of CALL.
 * Included by sigil_uop.h only.
 */
