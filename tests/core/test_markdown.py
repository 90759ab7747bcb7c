from humena.core.markdown import markdown_to_html


def test_markdown_is_rendered():
    html = markdown_to_html("# Title\n\nWe meet **monthly**.\n\n- one\n- two")
    assert "<h2>Title</h2>" in html  # the page title is the only h1
    assert "<strong>monthly</strong>" in html
    assert "<li>one</li>" in html


def test_scripts_and_raw_html_never_survive():
    html = markdown_to_html('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">')
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html  # shown as text, harmless


def test_dangerous_links_are_dropped_and_others_do_not_leak_the_referrer():
    html = markdown_to_html("[a](javascript:alert(1)) [b](https://example.org)")
    assert 'href="javascript' not in html
    assert 'href="https://example.org"' in html
    assert "noreferrer" in html
    assert "nofollow" in html
