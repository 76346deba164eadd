## The programs: one C file each, thin over common/.

bin_PROGRAMS += cmd/acct cmd/acct-db cmd/acct-edit cmd/acct-import \
	cmd/acct-list cmd/acct-show cmd/ledger-post

cmd_acct_SOURCES = cmd/acct.c
cmd_acct_LDADD = $(ACCTKIT_LIBS)
cmd_acct_db_SOURCES = cmd/acct-db.c
cmd_acct_db_LDADD = $(ACCTKIT_LIBS)
cmd_acct_edit_SOURCES = cmd/acct-edit.c
cmd_acct_edit_LDADD = $(ACCTKIT_LIBS)
cmd_acct_import_SOURCES = cmd/acct-import.c
cmd_acct_import_LDADD = $(ACCTKIT_LIBS)
cmd_acct_list_SOURCES = cmd/acct-list.c
cmd_acct_list_LDADD = $(ACCTKIT_LIBS)
cmd_acct_show_SOURCES = cmd/acct-show.c
cmd_acct_show_LDADD = $(ACCTKIT_LIBS)
cmd_ledger_post_SOURCES = cmd/ledger-post.c
cmd_ledger_post_LDADD = $(ACCTKIT_LIBS)
