"""Text to AST: lexer (layout to cells and tokens), Lark grammar (structure), builder (tree to Report)."""
