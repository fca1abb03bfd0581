"""Writes rich_atoms.rdkit.tsv: RDKit's reading of every atom property that RichAtomFeatures encodes, for the
molecules of ../../../../../shared/golden (the `input_used` SMILES of caco2_wang.rdkit.jsonl) and for the hand-picked
hard cases of ../rdkit_reference.tsv. Atoms are listed in the input's own order (the SMILES is not canonicalised), so
that the C# test can compare positionally with the project's SMILES reader.

One line per molecule:  source <TAB> id <TAB> smiles <TAB> atoms
  source: golden (id: line of caco2_wang.rdkit.jsonl) or reference (id: line of rdkit_reference.tsv);
  atoms: space-separated
  symbol,degree,formal charge,total H,hybridisation,aromatic,in ring,smallest ring size (0 if none),chiral tag,mass
  with hybridisation as RDKit names it (S, SP, SP2, SP3, SP3D, SP3D2, UNSPECIFIED, OTHER), chiral tag 0 unspecified,
  1 CW, 2 CCW, 3 other, and mass as Atom.GetMass() (the isotope's mass when one is written), rounded to 5 decimals.

Run with RDKit 2022.09.3 (Debian 12's python3-rdkit), from this folder:  /usr/bin/python3 make_rich_reference.py
The C# tests only read the output; they never run RDKit."""
import json
import os
import rdkit
from rdkit import Chem, RDLogger

RDLogger.DisableLog('rdApp.*')
HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..', '..', 'shared', 'golden'))
CHIRAL = {Chem.ChiralType.CHI_UNSPECIFIED: 0, Chem.ChiralType.CHI_TETRAHEDRAL_CW: 1, Chem.ChiralType.CHI_TETRAHEDRAL_CCW: 2}


def atoms_of(mol):
    ring_info = mol.GetRingInfo()
    parts = []
    for a in mol.GetAtoms():
        mass = ('%.5f' % a.GetMass()).rstrip('0').rstrip('.')
        parts.append('%s,%d,%d,%d,%s,%d,%d,%d,%d,%s' % (
            a.GetSymbol(), a.GetDegree(), a.GetFormalCharge(), a.GetTotalNumHs(), str(a.GetHybridization()),
            int(a.GetIsAromatic()), int(a.IsInRing()), ring_info.MinAtomRingSize(a.GetIdx()),
            CHIRAL.get(a.GetChiralTag(), 3), mass))
    return ' '.join(parts)


def main():
    assert rdkit.__version__ == '2022.09.3', rdkit.__version__
    lines = []
    with open(os.path.join(GOLDEN, 'caco2_wang.rdkit.jsonl')) as f:
        for number, text in enumerate(f, 1):
            smiles = json.loads(text)['input_used']
            lines.append('golden\t%d\t%s\t%s' % (number, smiles, atoms_of(Chem.MolFromSmiles(smiles))))
    with open(os.path.join(HERE, '..', 'rdkit_reference.tsv')) as f:
        for number, text in enumerate(f, 1):
            if text.startswith('#') or not text.strip():
                continue
            smiles, expected = text.rstrip('\n').split('\t')[:2]
            mol = Chem.MolFromSmiles(smiles)
            if expected == 'ERR' or mol is None:
                continue
            lines.append('reference\t%d\t%s\t%s' % (number, smiles, atoms_of(mol)))
    with open(os.path.join(HERE, 'rich_atoms.rdkit.tsv'), 'w') as out:
        out.write('# RDKit %s; written by make_rich_reference.py (see there for the columns)\n' % rdkit.__version__)
        for line in lines:
            out.write(line + '\n')


main()
