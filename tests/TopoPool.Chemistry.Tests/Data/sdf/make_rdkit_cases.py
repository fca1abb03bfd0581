"""Writes rdkit_cases.sdf (small molfile cases, one per record, named in the title line and the `case` data item)
and rdkit_cases.rdkit.jsonl (RDKit's reading of each record with Chem.SDMolSupplier, hydrogens removed as by
default). Run with RDKit 2022.09.3 (Debian 12's python3-rdkit):  python3 make_rdkit_cases.py
The C# tests compare the SDF reader with the .jsonl; they never run RDKit."""
import json
import math
import rdkit
from rdkit import Chem, RDLogger
from rdkit.Chem import AllChem

RDLogger.DisableLog('rdApp.*')
FIELDS = ' 0  0  0  0  0  0  0  0  0  0  0  0'


def atom_line(symbol, x=0.0, y=0.0, z=0.0, mass=0, charge=0, valence=0, map_number=0):
    return '%10.4f%10.4f%10.4f %-3s%2d%3d  0  0  0%3d  0  0  0%3d  0  0' % (x, y, z, symbol, mass, charge, valence, map_number)


def v2000(name, atoms, bonds, props=(), dimension='2D'):
    lines = [name, '     RDKit          ' + dimension, '', '%3d%3d  0  0  0  0  0  0  0  0999 V2000' % (len(atoms), len(bonds))]
    for a in atoms:
        lines.append(a if isinstance(a, str) else atom_line(*a))
    for b in bonds:
        lines.append('%3d%3d%3d%3d' % (b[0], b[1], b[2], b[3] if len(b) > 3 else 0))
    lines.extend(props)
    lines.append('M  END')
    return '\n'.join(lines) + '\n'


def ring(symbols, bond_type):
    n = len(symbols)
    atoms = [(s, 1.5 * math.cos(2 * math.pi * i / n), 1.5 * math.sin(2 * math.pi * i / n)) for i, s in enumerate(symbols)]
    return atoms, [(i + 1, (i + 1) % n + 1, bond_type) for i in range(n)]


# A stereocentre drawn flat: C at the origin, F right, Cl upper left, Br lower left (and optionally H up).
def centre(marks, with_h=False, dimension='2D', zs=(0, 0, 0, 0)):
    atoms = [('C', 0, 0, zs[0]), ('F', 1.5, 0, zs[1]), ('Cl', -0.75, 1.3, zs[2]), ('Br', -0.75, -1.3, zs[3])]
    bonds = [(1, 2, 1, marks[0]), (1, 3, 1, marks[1]), (1, 4, 1, marks[2])]
    if with_h:
        atoms.append(('H', 0, -1.5, 0))
        bonds.append((1, 5, 1, marks[3] if len(marks) > 3 else 0))
    return atoms, bonds


CASES = []


def case(name, block):
    CASES.append((name, block))


case('charge_atom_block_plus', v2000('', [('N', 0, 0, 0, 0, 3)], []))
case('charge_atom_block_minus', v2000('', [('C',), ('O', 1.5, 0, 0, 0, 5)], [(1, 2, 1)]))
case('charge_atom_block_codes', v2000('', [('C',), ('N', 1.5, 0, 0, 0, 3), ('O', 3, 0, 0, 0, 5), ('S', 4.5, 0, 0, 0, 2), ('O', 6, 0, 0, 0, 6)], [(1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 5, 1)]))
case('charge_m_chg', v2000('', [('C',), ('N', 1.5), ('C', 3)], [(1, 2, 1), (2, 3, 1)], ['M  CHG  1   2   1']))
case('charge_m_chg_replaces_atom_block', v2000('', [('N', 0, 0, 0, 0, 3), ('O', 1.5)], [(1, 2, 1)], ['M  CHG  1   2  -1']))
case('charge_m_rad_replaces_atom_block', v2000('', [('N', 0, 0, 0, 0, 3), ('C', 1.5)], [(1, 2, 1)], ['M  RAD  1   2   2']))
case('charge_m_chg_two_lines', v2000('', [('C',), ('N', 1.5), ('C', 3), ('O', 4.5)], [(1, 2, 1), (2, 3, 1), (3, 4, 1)], ['M  CHG  1   2   1', 'M  CHG  1   4  -1']))
case('charge_zwitterion_glycine', v2000('', [('N',), ('C', 1.5), ('C', 3), ('O', 4.5), ('O', 3, 1.5)], [(1, 2, 1), (2, 3, 1), (3, 4, 1), (3, 5, 2)], ['M  CHG  2   1   1   4  -1']))
case('charged_atoms_implicit_h', v2000('', [('B',), ('C', 2), ('C', 4), ('S', 6), ('O', 8), ('Na', 10)], [], ['M  CHG  6   1  -1   2   1   3  -1   4   1   5  -1   6   1']))
case('isotope_mass_difference', v2000('', [('C', 0, 0, 0, 1), ('Cl', 1.5, 0, 0, 2), ('Br', 3, 0, 0, -1)], [(1, 2, 1), (1, 3, 1)]))
case('isotope_m_iso', v2000('', [('C',), ('O', 1.5)], [(1, 2, 1)], ['M  ISO  1   1  13']))
case('deuterium_symbol', v2000('', [('C',), ('D', 1.5)], [(1, 2, 1)]))
case('tritium_symbol', v2000('', [('C',), ('T', 1.5)], [(1, 2, 1)]))
case('hydrogen_atoms_folded', v2000('', [('C',), ('H', 1), ('H', -1), ('H', 0, 1), ('H', 0, -1)], [(1, 2, 1), (1, 3, 1), (1, 4, 1), (1, 5, 1)]))
case('hydrogen_atoms_on_charged_nitrogen', v2000('', [('N',), ('H', 1), ('H', -1), ('H', 0, 1), ('H', 0, -1)], [(1, 2, 1), (1, 3, 1), (1, 4, 1), (1, 5, 1)], ['M  CHG  1   1   1']))
case('hydrogen_isotope_kept', v2000('', [('C',), ('H', 1.5), ('H', -1.5)], [(1, 2, 1), (1, 3, 1)], ['M  ISO  1   2   2']))
case('hydrogen_charged_removed', v2000('', [('C',), ('H', 1.5)], [(1, 2, 1)], ['M  CHG  1   2   1']))
case('hydride_removed', v2000('', [('B',), ('H', 1.5)], [(1, 2, 1)], ['M  CHG  1   2  -1']))
case('hydrogen_molecule_kept', v2000('', [('H',), ('H', 0.7)], [(1, 2, 1)]))
case('hydrogen_alone', v2000('', [('H',)], []))
case('proton_alone', v2000('', [('H',)], [], ['M  CHG  1   1   1']))
case('hydrogen_bridging_kept', v2000('', [('B',), ('H', 1, 1), ('B', 2)], [(1, 2, 1), (2, 3, 1)]))
case('hydrogen_on_dummy_kept', v2000('', [('*',), ('H', 1.5)], [(1, 2, 1)]))
case('methyl_radical_drawn_with_hydrogens', v2000('', [('C',), ('H', 1), ('H', -1), ('H', 0, 1)], [(1, 2, 1), (1, 3, 1), (1, 4, 1)]))
case('nitro_neutral_pentavalent', v2000('', [('C',), ('N', 1.5), ('O', 2.5, 1), ('O', 2.5, -1)], [(1, 2, 1), (2, 3, 2), (2, 4, 2)]))
case('radical_doublet', v2000('', [('C',), ('C', 1.5)], [(1, 2, 1)], ['M  RAD  1   1   2']))
case('radical_triplet', v2000('', [('C',)], [], ['M  RAD  1   1   3']))
case('valence_field', v2000('', [('C', 0, 0, 0, 0, 0, 2), ('O', 1.5)], [(1, 2, 1)]))
case('valence_field_zero', v2000('', [('N', 0, 0, 0, 0, 0, 15), ('C', 1.5)], [(1, 2, 1)]))
case('valence_field_hypervalent_sulfur', v2000('', [('S', 0, 0, 0, 0, 0, 6), ('O', 1.5), ('O', -1.5), ('C', 0, 1.5), ('C', 0, -1.5)], [(1, 2, 2), (1, 3, 2), (1, 4, 1), (1, 5, 1)]))
case('valence_too_high', v2000('', [('C',), ('C', 1), ('C', -1), ('C', 0, 1), ('C', 0, -1), ('C', 1, 1)], [(1, 2, 1), (1, 3, 1), (1, 4, 1), (1, 5, 1), (1, 6, 1)]))
case('uppercase_two_letter_symbol', v2000('', [('C',), ('CL', 1.5)], [(1, 2, 1)]))
case('query_and_placeholder_atoms', v2000('', [('C',), ('A', 1.5), ('Q', -1.5), ('*', 0, 1.5), ('R#', 0, -1.5)], [(1, 2, 1), (1, 3, 1), (1, 4, 1), (1, 5, 1)]))
case('metal_no_implicit_h', v2000('', [('Fe',), ('Cl', 2), ('Cl', -2)], [(1, 2, 1), (1, 3, 1)]))
case('atom_map_numbers', v2000('', [('C', 0, 0, 0, 0, 0, 0, 3), ('O', 1.5, 0, 0, 0, 0, 0, 1)], [(1, 2, 1)]))
atoms, bonds = ring(['C'] * 6, 4)
case('aromatic_bonds_benzene', v2000('', atoms, bonds))
atoms, bonds = ring(['N', 'C', 'C', 'C', 'C', 'C'], 4)
case('aromatic_bonds_pyridine', v2000('', atoms, bonds))
atoms, bonds = ring(['O', 'C', 'C', 'C', 'C'], 4)
case('aromatic_bonds_furan', v2000('', atoms, bonds))
atoms, bonds = ring(['N', 'C', 'C', 'C', 'C'], 4)
case('aromatic_bonds_pyrrole_without_hydrogen', v2000('', atoms, bonds))
atoms, bonds = ring(['C', 'C', 'C', 'C', 'C', 'C'], 1)
bonds = [(1, 2, 2), (2, 3, 1), (3, 4, 2), (4, 5, 1), (5, 6, 2), (6, 1, 1)]
case('kekule_benzene', v2000('', atoms, bonds))
atoms, bonds = ring(['N', 'C', 'C', 'C', 'C'], 1)
bonds = [(1, 2, 1), (2, 3, 2), (3, 4, 1), (4, 5, 2), (5, 1, 1)]
case('kekule_pyrrole_implicit_h', v2000('', atoms, bonds))
case('kekule_pyrrole_hydrogen_atom', v2000('', atoms + [('H', 2.5, 0)], bonds + [(1, 6, 1)]))
case('two_fragments_salt', v2000('', [('C',), ('N', 1.5), ('Cl', 5)], [(1, 2, 1)], ['M  CHG  2   2   1   3  -1']))
case('no_atoms', v2000('', [], []))
case('charge_code_4_is_ignored', v2000('', [('C', 0, 0, 0, 0, 4)], []))
a1, b1 = ring(['C'] * 6, 4)
a2, b2 = ring(['C'] * 6, 4)
a2 = [(s, x + 4, y) for s, x, y in a2]
b2 = [(i + 6, j + 6, t) for i, j, t in b2]
case('aromatic_bond_between_rings', v2000('', a1 + a2, b1 + b2 + [(1, 10, 4)]))
case('aromatic_bond_outside_rings', v2000('', [('C',), ('C', 1.5), ('C', 3)], [(1, 2, 4), (2, 3, 4)]))
case('wedge_on_phosphorus_with_double_bond', v2000('', [('P',), ('O', 0, 1.5), ('C', 1.5, 0), ('O', -0.75, -1.3), ('N', -1.5, 0), ('C', 3, 0)],
                                                 [(1, 2, 2), (1, 3, 1, 1), (1, 4, 1), (1, 5, 1), (3, 6, 1)]))
# Wedges: bond stereo 1 (wedge) and 6 (hash) at the bond's first atom.
case('wedge_three_neighbours', v2000('', *centre((1, 0, 0))))
case('hash_three_neighbours', v2000('', *centre((6, 0, 0))))
case('wedge_on_second_neighbour', v2000('', *centre((0, 1, 0))))
case('wedge_and_hash_three_neighbours', v2000('', *centre((1, 6, 0))))
case('two_wedges_three_neighbours', v2000('', *centre((1, 1, 0))))
case('three_wedges_three_neighbours', v2000('', *centre((1, 1, 1))))
case('wedge_to_hydrogen_atom', v2000('', *centre((0, 0, 0, 1), with_h=True)))
case('hash_to_hydrogen_atom', v2000('', *centre((0, 0, 0, 6), with_h=True)))
case('wedge_four_neighbours', v2000('', *centre((1, 0, 0, 0), with_h=True)))
atoms, bonds = centre((0, 0, 0))
case('wedge_drawn_from_the_outer_atom', v2000('', atoms, [(2, 1, 1, 1), (1, 3, 1), (1, 4, 1)]))
case('wavy_bond_ignored', v2000('', *centre((4, 0, 0))))
case('wedge_on_non_stereocentre', v2000('', [('C',), ('F', 1.5), ('C', -0.75, 1.3), ('C', -0.75, -1.3)], [(1, 2, 1, 1), (1, 3, 1), (1, 4, 1)]))
case('wedge_on_amine_nitrogen', v2000('', [('N',), ('C', 1.5), ('C', -0.75, 1.3), ('C', -0.75, -1.3), ('C', 3, 0)], [(1, 2, 1, 1), (1, 3, 1), (1, 4, 1), (2, 5, 1)]))
# 3D: the signed volume of the first three neighbours.
case('three_d_tetrahedral', v2000('', *centre((0, 0, 0), with_h=True, zs=(0, 0.5, 0.5, 0.5)), dimension='3D'))
atoms, bonds = centre((0, 0, 0), with_h=True, zs=(0, -0.5, -0.5, -0.5))
case('three_d_mirror_image', v2000('', atoms, bonds, dimension='3D'))
case('three_d_implicit_hydrogen', v2000('', *centre((0, 0, 0), zs=(0, 0.5, 0.5, 0.5)), dimension='3D'))
case('three_d_flat_centre', v2000('', *centre((0, 0, 0), with_h=True), dimension='3D'))
case('three_d_tag_with_flat_wedges', v2000('', *centre((1, 0, 0)), dimension='3D'))
case('two_d_tag_with_z_coordinates', v2000('', *centre((0, 0, 0), zs=(0, 0.5, 0.5, 0.5))))
case('three_d_sulfoxide', v2000('', [('S', 0, 0, 0), ('O', 0, 0, 1.5), ('C', 1.5, 0, -0.5), ('C', -0.75, 1.3, -0.5), ('C', 3, 0, -0.5)], [(1, 2, 2), (1, 3, 1), (1, 4, 1), (3, 5, 1)], dimension='3D'))
# V3000.
case('v3000_charges_isotopes_wedge', '\n'.join([
    '', '     RDKit          2D', '', '  0  0  0     0  0            999 V3000',
    'M  V30 BEGIN CTAB', 'M  V30 COUNTS 6 5 0 0 0', 'M  V30 BEGIN ATOM',
    'M  V30 1 C 0 0 0 0', 'M  V30 2 F 1.5 0 0 0', 'M  V30 3 Cl -0.75 1.3 0 0 MASS=37', 'M  V30 4 C -0.75 -1.3 0 0',
    'M  V30 5 N -2.25 -1.3 0 0 CHG=1', 'M  V30 6 O -3 0 0 0 CHG=-1',
    'M  V30 END ATOM', 'M  V30 BEGIN BOND', 'M  V30 1 1 1 2 CFG=1', 'M  V30 2 1 1 3', 'M  V30 3 1 1 4', 'M  V30 4 1 4 5',
    'M  V30 5 1 5 6', 'M  V30 END BOND', 'M  V30 END CTAB', 'M  END', '']))
case('v3000_continuation_lines_and_hash', '\n'.join([
    '', '     RDKit          2D', '', '  0  0  0     0  0            999 V3000',
    'M  V30 BEGIN CTAB', 'M  V30 COUNTS 4 3 0 0 0', 'M  V30 BEGIN ATOM',
    'M  V30 1 C 0 0 0 0', 'M  V30 2 F 1.5 0 -', 'M  V30 0 0', 'M  V30 3 Cl -0.75 1.3 0 0', 'M  V30 4 Br -0.75 -1.3 0 0',
    'M  V30 END ATOM', 'M  V30 BEGIN BOND', 'M  V30 1 1 1 2 -', 'M  V30 CFG=3', 'M  V30 2 1 1 3', 'M  V30 3 1 1 4',
    'M  V30 END BOND', 'M  V30 END CTAB', 'M  END', '']))
case('v3000_radical_and_valence', '\n'.join([
    '', '     RDKit          2D', '', '  0  0  0     0  0            999 V3000',
    'M  V30 BEGIN CTAB', 'M  V30 COUNTS 3 2 0 0 0', 'M  V30 BEGIN ATOM',
    'M  V30 1 C 0 0 0 0 RAD=2', 'M  V30 2 C 1.5 0 0 0 VAL=2', 'M  V30 3 N 3 0 0 0 VAL=-1',
    'M  V30 END ATOM', 'M  V30 BEGIN BOND', 'M  V30 1 1 1 2', 'M  V30 2 1 2 3',
    'M  V30 END BOND', 'M  V30 END CTAB', 'M  END', '']))
# Stereocentres told apart only by the geometry of double bonds (read from the coordinates).
for i, smiles in enumerate(['C/C=C/[C@H](O)/C=C\\C', 'C/C=C/[C@H](O)/C=C/C', 'C/C=C/C(O)/C=C\\C',
                            'CC/C=C/C=C/[C@@H](N)/C=C/C=C\\CC', 'O/N=C/[C@H](Cl)/C=N\\O', 'F/C=C/[C@@H]1CC[C@H](/C=C\\F)CC1']):
    m = Chem.MolFromSmiles(smiles)
    flat = Chem.Mol(m)
    AllChem.Compute2DCoords(flat)
    case('double_bond_geometry_2d_%d' % (i + 1), Chem.MolToMolBlock(flat))
    embedded = Chem.AddHs(m)
    AllChem.EmbedMolecule(embedded, randomSeed=5)
    case('double_bond_geometry_3d_%d' % (i + 1), Chem.MolToMolBlock(embedded))


def reading(m):
    if m is None:
        return {'ok': False}
    return {'ok': True,
            'atoms': [a.GetSymbol() for a in m.GetAtoms()],
            'charges': [a.GetFormalCharge() for a in m.GetAtoms()],
            'isotopes': [a.GetIsotope() for a in m.GetAtoms()],
            'hydrogens': [a.GetTotalNumHs() for a in m.GetAtoms()],
            'degrees': [a.GetDegree() for a in m.GetAtoms()],
            'aromatic': [a.GetIsAromatic() for a in m.GetAtoms()],
            'chiral_tags': [int(a.GetChiralTag()) for a in m.GetAtoms()],
            'bonds': [[b.GetBeginAtomIdx(), b.GetEndAtomIdx()] for b in m.GetBonds()]}


with open('rdkit_cases.sdf', 'w') as sdf:
    for name, block in CASES:
        lines = block.split('\n')
        lines[0] = name
        sdf.write('\n'.join(lines).rstrip('\n') + '\n')
        sdf.write('>  <case>  (1) \n%s\n\n$$$$\n' % name)

with open('rdkit_cases.rdkit.jsonl', 'w') as out:
    for (name, _), m in zip(CASES, Chem.SDMolSupplier('rdkit_cases.sdf')):
        out.write(json.dumps(dict(case=name, rdkit_version=rdkit.__version__, **reading(m))) + '\n')
print(len(CASES), 'cases')
