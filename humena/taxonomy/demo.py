from humena.taxonomy.services import taxonomy_seed


def load(stdout) -> None:
    result = taxonomy_seed()
    stdout.write(f"Taxonomy: {result.created} entries created.")
