"""The 3.11 opcodes ``odoo.tools.safe_eval`` may additionally allow.

Each is the 3.11 spelling of something Odoo 11 already allowed on 3.5-3.7,
and is added to the same list as its older form. Nothing here opens a door
Odoo 11 kept shut: imports (IMPORT_NAME), attribute assignment (STORE_ATTR),
``with`` (BEFORE_WITH), closures (MAKE_CELL, LOAD_DEREF), ``yield from`` /
``await`` (SEND), class bodies (LOAD_BUILD_CLASS), globals writes and the
``match`` statement stay forbidden, and the dunder-name check is untouched.
"""

EQUIVALENTS = {
    # literals and the stack, allowed even in const_eval()
    '_CONST_OPCODES': [
        'RESUME', 'NOP',        # 3.11 code-object prologue; no-ops
        'COPY',                 # was DUP_TOP / DUP_TOP_TWO
        'SWAP',                 # was ROT_TWO / ROT_THREE / ROT_FOUR
        'LIST_EXTEND',          # [1, 2, 3]: BUILD_LIST of constants
        'SET_UPDATE',           # {1, 2, 3}: BUILD_SET of constants
        'LIST_TO_TUPLE',        # tuple displays built through a list
        'DICT_UPDATE',          # dict displays of more than 16 items, in chunks
    ],
    # operators on values
    '_EXPR_OPCODES': [
        'BINARY_OP',            # every BINARY_* and INPLACE_* operator
        'IS_OP', 'CONTAINS_OP',  # `is`, `in`: were COMPARE_OP
        'FORMAT_VALUE', 'BUILD_STRING',  # 3.11 folds "lit %s" % x into these
                                         # (was BINARY_MODULO)
        'DICT_MERGE',           # f(**kw): was CALL_FUNCTION_EX / _KW
    ],
    # control flow and calls
    '_SAFE_OPCODES': [
        'PUSH_NULL', 'PRECALL', 'CALL', 'KW_NAMES',  # were CALL_FUNCTION(_KW),
                                                     # CALL_METHOD
        'JUMP_BACKWARD', 'JUMP_BACKWARD_NO_INTERRUPT',  # was JUMP_ABSOLUTE
        'POP_JUMP_FORWARD_IF_FALSE', 'POP_JUMP_FORWARD_IF_TRUE',
        'POP_JUMP_BACKWARD_IF_FALSE', 'POP_JUMP_BACKWARD_IF_TRUE',
        # `x is None` fused with its jump: was COMPARE_OP + POP_JUMP_IF_*
        'POP_JUMP_FORWARD_IF_NONE', 'POP_JUMP_FORWARD_IF_NOT_NONE',
        'POP_JUMP_BACKWARD_IF_NONE', 'POP_JUMP_BACKWARD_IF_NOT_NONE',
        'RETURN_GENERATOR',     # generator expressions' prologue (YIELD_VALUE)
        # try/except: were SETUP_EXCEPT, END_FINALLY and COMPARE_OP
        # "exception match"
        'PUSH_EXC_INFO', 'CHECK_EXC_MATCH', 'RERAISE',
    ],
}
