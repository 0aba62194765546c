def test_validate_builtin_plan(cli):
    result = cli("validate", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(
        "valid: 45 indicators (24 in Annex 1), 40 targets, 15 tasks, 19 policies, 12 reforms"
    )
