# EXTENDED_ARG: functions with >256 locals, constants, names and jump
# targets beyond 255 code units; results checked numerically.
import sys
def many_locals():
    v0 = 0 * 3 + 0
    v1 = 1 * 3 + 1
    v2 = 2 * 3 + 2
    v3 = 3 * 3 + 3
    v4 = 4 * 3 + 4
    v5 = 5 * 3 + 5
    v6 = 6 * 3 + 6
    v7 = 7 * 3 + 0
    v8 = 8 * 3 + 1
    v9 = 9 * 3 + 2
    v10 = 10 * 3 + 3
    v11 = 11 * 3 + 4
    v12 = 12 * 3 + 5
    v13 = 13 * 3 + 6
    v14 = 14 * 3 + 0
    v15 = 15 * 3 + 1
    v16 = 16 * 3 + 2
    v17 = 17 * 3 + 3
    v18 = 18 * 3 + 4
    v19 = 19 * 3 + 5
    v20 = 20 * 3 + 6
    v21 = 21 * 3 + 0
    v22 = 22 * 3 + 1
    v23 = 23 * 3 + 2
    v24 = 24 * 3 + 3
    v25 = 25 * 3 + 4
    v26 = 26 * 3 + 5
    v27 = 27 * 3 + 6
    v28 = 28 * 3 + 0
    v29 = 29 * 3 + 1
    v30 = 30 * 3 + 2
    v31 = 31 * 3 + 3
    v32 = 32 * 3 + 4
    v33 = 33 * 3 + 5
    v34 = 34 * 3 + 6
    v35 = 35 * 3 + 0
    v36 = 36 * 3 + 1
    v37 = 37 * 3 + 2
    v38 = 38 * 3 + 3
    v39 = 39 * 3 + 4
    v40 = 40 * 3 + 5
    v41 = 41 * 3 + 6
    v42 = 42 * 3 + 0
    v43 = 43 * 3 + 1
    v44 = 44 * 3 + 2
    v45 = 45 * 3 + 3
    v46 = 46 * 3 + 4
    v47 = 47 * 3 + 5
    v48 = 48 * 3 + 6
    v49 = 49 * 3 + 0
    v50 = 50 * 3 + 1
    v51 = 51 * 3 + 2
    v52 = 52 * 3 + 3
    v53 = 53 * 3 + 4
    v54 = 54 * 3 + 5
    v55 = 55 * 3 + 6
    v56 = 56 * 3 + 0
    v57 = 57 * 3 + 1
    v58 = 58 * 3 + 2
    v59 = 59 * 3 + 3
    v60 = 60 * 3 + 4
    v61 = 61 * 3 + 5
    v62 = 62 * 3 + 6
    v63 = 63 * 3 + 0
    v64 = 64 * 3 + 1
    v65 = 65 * 3 + 2
    v66 = 66 * 3 + 3
    v67 = 67 * 3 + 4
    v68 = 68 * 3 + 5
    v69 = 69 * 3 + 6
    v70 = 70 * 3 + 0
    v71 = 71 * 3 + 1
    v72 = 72 * 3 + 2
    v73 = 73 * 3 + 3
    v74 = 74 * 3 + 4
    v75 = 75 * 3 + 5
    v76 = 76 * 3 + 6
    v77 = 77 * 3 + 0
    v78 = 78 * 3 + 1
    v79 = 79 * 3 + 2
    v80 = 80 * 3 + 3
    v81 = 81 * 3 + 4
    v82 = 82 * 3 + 5
    v83 = 83 * 3 + 6
    v84 = 84 * 3 + 0
    v85 = 85 * 3 + 1
    v86 = 86 * 3 + 2
    v87 = 87 * 3 + 3
    v88 = 88 * 3 + 4
    v89 = 89 * 3 + 5
    v90 = 90 * 3 + 6
    v91 = 91 * 3 + 0
    v92 = 92 * 3 + 1
    v93 = 93 * 3 + 2
    v94 = 94 * 3 + 3
    v95 = 95 * 3 + 4
    v96 = 96 * 3 + 5
    v97 = 97 * 3 + 6
    v98 = 98 * 3 + 0
    v99 = 99 * 3 + 1
    v100 = 100 * 3 + 2
    v101 = 101 * 3 + 3
    v102 = 102 * 3 + 4
    v103 = 103 * 3 + 5
    v104 = 104 * 3 + 6
    v105 = 105 * 3 + 0
    v106 = 106 * 3 + 1
    v107 = 107 * 3 + 2
    v108 = 108 * 3 + 3
    v109 = 109 * 3 + 4
    v110 = 110 * 3 + 5
    v111 = 111 * 3 + 6
    v112 = 112 * 3 + 0
    v113 = 113 * 3 + 1
    v114 = 114 * 3 + 2
    v115 = 115 * 3 + 3
    v116 = 116 * 3 + 4
    v117 = 117 * 3 + 5
    v118 = 118 * 3 + 6
    v119 = 119 * 3 + 0
    v120 = 120 * 3 + 1
    v121 = 121 * 3 + 2
    v122 = 122 * 3 + 3
    v123 = 123 * 3 + 4
    v124 = 124 * 3 + 5
    v125 = 125 * 3 + 6
    v126 = 126 * 3 + 0
    v127 = 127 * 3 + 1
    v128 = 128 * 3 + 2
    v129 = 129 * 3 + 3
    v130 = 130 * 3 + 4
    v131 = 131 * 3 + 5
    v132 = 132 * 3 + 6
    v133 = 133 * 3 + 0
    v134 = 134 * 3 + 1
    v135 = 135 * 3 + 2
    v136 = 136 * 3 + 3
    v137 = 137 * 3 + 4
    v138 = 138 * 3 + 5
    v139 = 139 * 3 + 6
    v140 = 140 * 3 + 0
    v141 = 141 * 3 + 1
    v142 = 142 * 3 + 2
    v143 = 143 * 3 + 3
    v144 = 144 * 3 + 4
    v145 = 145 * 3 + 5
    v146 = 146 * 3 + 6
    v147 = 147 * 3 + 0
    v148 = 148 * 3 + 1
    v149 = 149 * 3 + 2
    v150 = 150 * 3 + 3
    v151 = 151 * 3 + 4
    v152 = 152 * 3 + 5
    v153 = 153 * 3 + 6
    v154 = 154 * 3 + 0
    v155 = 155 * 3 + 1
    v156 = 156 * 3 + 2
    v157 = 157 * 3 + 3
    v158 = 158 * 3 + 4
    v159 = 159 * 3 + 5
    v160 = 160 * 3 + 6
    v161 = 161 * 3 + 0
    v162 = 162 * 3 + 1
    v163 = 163 * 3 + 2
    v164 = 164 * 3 + 3
    v165 = 165 * 3 + 4
    v166 = 166 * 3 + 5
    v167 = 167 * 3 + 6
    v168 = 168 * 3 + 0
    v169 = 169 * 3 + 1
    v170 = 170 * 3 + 2
    v171 = 171 * 3 + 3
    v172 = 172 * 3 + 4
    v173 = 173 * 3 + 5
    v174 = 174 * 3 + 6
    v175 = 175 * 3 + 0
    v176 = 176 * 3 + 1
    v177 = 177 * 3 + 2
    v178 = 178 * 3 + 3
    v179 = 179 * 3 + 4
    v180 = 180 * 3 + 5
    v181 = 181 * 3 + 6
    v182 = 182 * 3 + 0
    v183 = 183 * 3 + 1
    v184 = 184 * 3 + 2
    v185 = 185 * 3 + 3
    v186 = 186 * 3 + 4
    v187 = 187 * 3 + 5
    v188 = 188 * 3 + 6
    v189 = 189 * 3 + 0
    v190 = 190 * 3 + 1
    v191 = 191 * 3 + 2
    v192 = 192 * 3 + 3
    v193 = 193 * 3 + 4
    v194 = 194 * 3 + 5
    v195 = 195 * 3 + 6
    v196 = 196 * 3 + 0
    v197 = 197 * 3 + 1
    v198 = 198 * 3 + 2
    v199 = 199 * 3 + 3
    v200 = 200 * 3 + 4
    v201 = 201 * 3 + 5
    v202 = 202 * 3 + 6
    v203 = 203 * 3 + 0
    v204 = 204 * 3 + 1
    v205 = 205 * 3 + 2
    v206 = 206 * 3 + 3
    v207 = 207 * 3 + 4
    v208 = 208 * 3 + 5
    v209 = 209 * 3 + 6
    v210 = 210 * 3 + 0
    v211 = 211 * 3 + 1
    v212 = 212 * 3 + 2
    v213 = 213 * 3 + 3
    v214 = 214 * 3 + 4
    v215 = 215 * 3 + 5
    v216 = 216 * 3 + 6
    v217 = 217 * 3 + 0
    v218 = 218 * 3 + 1
    v219 = 219 * 3 + 2
    v220 = 220 * 3 + 3
    v221 = 221 * 3 + 4
    v222 = 222 * 3 + 5
    v223 = 223 * 3 + 6
    v224 = 224 * 3 + 0
    v225 = 225 * 3 + 1
    v226 = 226 * 3 + 2
    v227 = 227 * 3 + 3
    v228 = 228 * 3 + 4
    v229 = 229 * 3 + 5
    v230 = 230 * 3 + 6
    v231 = 231 * 3 + 0
    v232 = 232 * 3 + 1
    v233 = 233 * 3 + 2
    v234 = 234 * 3 + 3
    v235 = 235 * 3 + 4
    v236 = 236 * 3 + 5
    v237 = 237 * 3 + 6
    v238 = 238 * 3 + 0
    v239 = 239 * 3 + 1
    v240 = 240 * 3 + 2
    v241 = 241 * 3 + 3
    v242 = 242 * 3 + 4
    v243 = 243 * 3 + 5
    v244 = 244 * 3 + 6
    v245 = 245 * 3 + 0
    v246 = 246 * 3 + 1
    v247 = 247 * 3 + 2
    v248 = 248 * 3 + 3
    v249 = 249 * 3 + 4
    v250 = 250 * 3 + 5
    v251 = 251 * 3 + 6
    v252 = 252 * 3 + 0
    v253 = 253 * 3 + 1
    v254 = 254 * 3 + 2
    v255 = 255 * 3 + 3
    v256 = 256 * 3 + 4
    v257 = 257 * 3 + 5
    v258 = 258 * 3 + 6
    v259 = 259 * 3 + 0
    v260 = 260 * 3 + 1
    v261 = 261 * 3 + 2
    v262 = 262 * 3 + 3
    v263 = 263 * 3 + 4
    v264 = 264 * 3 + 5
    v265 = 265 * 3 + 6
    v266 = 266 * 3 + 0
    v267 = 267 * 3 + 1
    v268 = 268 * 3 + 2
    v269 = 269 * 3 + 3
    v270 = 270 * 3 + 4
    v271 = 271 * 3 + 5
    v272 = 272 * 3 + 6
    v273 = 273 * 3 + 0
    v274 = 274 * 3 + 1
    v275 = 275 * 3 + 2
    v276 = 276 * 3 + 3
    v277 = 277 * 3 + 4
    v278 = 278 * 3 + 5
    v279 = 279 * 3 + 6
    v280 = 280 * 3 + 0
    v281 = 281 * 3 + 1
    v282 = 282 * 3 + 2
    v283 = 283 * 3 + 3
    v284 = 284 * 3 + 4
    v285 = 285 * 3 + 5
    v286 = 286 * 3 + 6
    v287 = 287 * 3 + 0
    v288 = 288 * 3 + 1
    v289 = 289 * 3 + 2
    v290 = 290 * 3 + 3
    v291 = 291 * 3 + 4
    v292 = 292 * 3 + 5
    v293 = 293 * 3 + 6
    v294 = 294 * 3 + 0
    v295 = 295 * 3 + 1
    v296 = 296 * 3 + 2
    v297 = 297 * 3 + 3
    v298 = 298 * 3 + 4
    v299 = 299 * 3 + 5
    total = v0 + v7 + v14 + v21 + v28 + v35 + v42 + v49 + v56 + v63 + v70 + v77 + v84 + v91 + v98 + v105 + v112 + v119 + v126 + v133 + v140 + v147 + v154 + v161 + v168 + v175 + v182 + v189 + v196 + v203 + v210 + v217 + v224 + v231 + v238 + v245 + v252 + v259 + v266 + v273 + v280 + v287 + v294
    return total, v299, v256, len(locals())
print(many_locals())
def many_consts(x):
    acc = []
    acc.append(x + 17)
    acc.append(x + 1017)
    acc.append(x + 2017)
    acc.append(x + 3017)
    acc.append(x + 4017)
    acc.append(x + 5017)
    acc.append(x + 6017)
    acc.append(x + 7017)
    acc.append(x + 8017)
    acc.append(x + 9017)
    acc.append(x + 10017)
    acc.append(x + 11017)
    acc.append(x + 12017)
    acc.append(x + 13017)
    acc.append(x + 14017)
    acc.append(x + 15017)
    acc.append(x + 16017)
    acc.append(x + 17017)
    acc.append(x + 18017)
    acc.append(x + 19017)
    acc.append(x + 20017)
    acc.append(x + 21017)
    acc.append(x + 22017)
    acc.append(x + 23017)
    acc.append(x + 24017)
    acc.append(x + 25017)
    acc.append(x + 26017)
    acc.append(x + 27017)
    acc.append(x + 28017)
    acc.append(x + 29017)
    acc.append(x + 30017)
    acc.append(x + 31017)
    acc.append(x + 32017)
    acc.append(x + 33017)
    acc.append(x + 34017)
    acc.append(x + 35017)
    acc.append(x + 36017)
    acc.append(x + 37017)
    acc.append(x + 38017)
    acc.append(x + 39017)
    acc.append(x + 40017)
    acc.append(x + 41017)
    acc.append(x + 42017)
    acc.append(x + 43017)
    acc.append(x + 44017)
    acc.append(x + 45017)
    acc.append(x + 46017)
    acc.append(x + 47017)
    acc.append(x + 48017)
    acc.append(x + 49017)
    acc.append(x + 50017)
    acc.append(x + 51017)
    acc.append(x + 52017)
    acc.append(x + 53017)
    acc.append(x + 54017)
    acc.append(x + 55017)
    acc.append(x + 56017)
    acc.append(x + 57017)
    acc.append(x + 58017)
    acc.append(x + 59017)
    acc.append(x + 60017)
    acc.append(x + 61017)
    acc.append(x + 62017)
    acc.append(x + 63017)
    acc.append(x + 64017)
    acc.append(x + 65017)
    acc.append(x + 66017)
    acc.append(x + 67017)
    acc.append(x + 68017)
    acc.append(x + 69017)
    acc.append(x + 70017)
    acc.append(x + 71017)
    acc.append(x + 72017)
    acc.append(x + 73017)
    acc.append(x + 74017)
    acc.append(x + 75017)
    acc.append(x + 76017)
    acc.append(x + 77017)
    acc.append(x + 78017)
    acc.append(x + 79017)
    acc.append(x + 80017)
    acc.append(x + 81017)
    acc.append(x + 82017)
    acc.append(x + 83017)
    acc.append(x + 84017)
    acc.append(x + 85017)
    acc.append(x + 86017)
    acc.append(x + 87017)
    acc.append(x + 88017)
    acc.append(x + 89017)
    acc.append(x + 90017)
    acc.append(x + 91017)
    acc.append(x + 92017)
    acc.append(x + 93017)
    acc.append(x + 94017)
    acc.append(x + 95017)
    acc.append(x + 96017)
    acc.append(x + 97017)
    acc.append(x + 98017)
    acc.append(x + 99017)
    acc.append(x + 100017)
    acc.append(x + 101017)
    acc.append(x + 102017)
    acc.append(x + 103017)
    acc.append(x + 104017)
    acc.append(x + 105017)
    acc.append(x + 106017)
    acc.append(x + 107017)
    acc.append(x + 108017)
    acc.append(x + 109017)
    acc.append(x + 110017)
    acc.append(x + 111017)
    acc.append(x + 112017)
    acc.append(x + 113017)
    acc.append(x + 114017)
    acc.append(x + 115017)
    acc.append(x + 116017)
    acc.append(x + 117017)
    acc.append(x + 118017)
    acc.append(x + 119017)
    acc.append(x + 120017)
    acc.append(x + 121017)
    acc.append(x + 122017)
    acc.append(x + 123017)
    acc.append(x + 124017)
    acc.append(x + 125017)
    acc.append(x + 126017)
    acc.append(x + 127017)
    acc.append(x + 128017)
    acc.append(x + 129017)
    acc.append(x + 130017)
    acc.append(x + 131017)
    acc.append(x + 132017)
    acc.append(x + 133017)
    acc.append(x + 134017)
    acc.append(x + 135017)
    acc.append(x + 136017)
    acc.append(x + 137017)
    acc.append(x + 138017)
    acc.append(x + 139017)
    acc.append(x + 140017)
    acc.append(x + 141017)
    acc.append(x + 142017)
    acc.append(x + 143017)
    acc.append(x + 144017)
    acc.append(x + 145017)
    acc.append(x + 146017)
    acc.append(x + 147017)
    acc.append(x + 148017)
    acc.append(x + 149017)
    acc.append(x + 150017)
    acc.append(x + 151017)
    acc.append(x + 152017)
    acc.append(x + 153017)
    acc.append(x + 154017)
    acc.append(x + 155017)
    acc.append(x + 156017)
    acc.append(x + 157017)
    acc.append(x + 158017)
    acc.append(x + 159017)
    acc.append(x + 160017)
    acc.append(x + 161017)
    acc.append(x + 162017)
    acc.append(x + 163017)
    acc.append(x + 164017)
    acc.append(x + 165017)
    acc.append(x + 166017)
    acc.append(x + 167017)
    acc.append(x + 168017)
    acc.append(x + 169017)
    acc.append(x + 170017)
    acc.append(x + 171017)
    acc.append(x + 172017)
    acc.append(x + 173017)
    acc.append(x + 174017)
    acc.append(x + 175017)
    acc.append(x + 176017)
    acc.append(x + 177017)
    acc.append(x + 178017)
    acc.append(x + 179017)
    acc.append(x + 180017)
    acc.append(x + 181017)
    acc.append(x + 182017)
    acc.append(x + 183017)
    acc.append(x + 184017)
    acc.append(x + 185017)
    acc.append(x + 186017)
    acc.append(x + 187017)
    acc.append(x + 188017)
    acc.append(x + 189017)
    acc.append(x + 190017)
    acc.append(x + 191017)
    acc.append(x + 192017)
    acc.append(x + 193017)
    acc.append(x + 194017)
    acc.append(x + 195017)
    acc.append(x + 196017)
    acc.append(x + 197017)
    acc.append(x + 198017)
    acc.append(x + 199017)
    acc.append(x + 200017)
    acc.append(x + 201017)
    acc.append(x + 202017)
    acc.append(x + 203017)
    acc.append(x + 204017)
    acc.append(x + 205017)
    acc.append(x + 206017)
    acc.append(x + 207017)
    acc.append(x + 208017)
    acc.append(x + 209017)
    acc.append(x + 210017)
    acc.append(x + 211017)
    acc.append(x + 212017)
    acc.append(x + 213017)
    acc.append(x + 214017)
    acc.append(x + 215017)
    acc.append(x + 216017)
    acc.append(x + 217017)
    acc.append(x + 218017)
    acc.append(x + 219017)
    acc.append(x + 220017)
    acc.append(x + 221017)
    acc.append(x + 222017)
    acc.append(x + 223017)
    acc.append(x + 224017)
    acc.append(x + 225017)
    acc.append(x + 226017)
    acc.append(x + 227017)
    acc.append(x + 228017)
    acc.append(x + 229017)
    acc.append(x + 230017)
    acc.append(x + 231017)
    acc.append(x + 232017)
    acc.append(x + 233017)
    acc.append(x + 234017)
    acc.append(x + 235017)
    acc.append(x + 236017)
    acc.append(x + 237017)
    acc.append(x + 238017)
    acc.append(x + 239017)
    acc.append(x + 240017)
    acc.append(x + 241017)
    acc.append(x + 242017)
    acc.append(x + 243017)
    acc.append(x + 244017)
    acc.append(x + 245017)
    acc.append(x + 246017)
    acc.append(x + 247017)
    acc.append(x + 248017)
    acc.append(x + 249017)
    acc.append(x + 250017)
    acc.append(x + 251017)
    acc.append(x + 252017)
    acc.append(x + 253017)
    acc.append(x + 254017)
    acc.append(x + 255017)
    acc.append(x + 256017)
    acc.append(x + 257017)
    acc.append(x + 258017)
    acc.append(x + 259017)
    acc.append(x + 260017)
    acc.append(x + 261017)
    acc.append(x + 262017)
    acc.append(x + 263017)
    acc.append(x + 264017)
    acc.append(x + 265017)
    acc.append(x + 266017)
    acc.append(x + 267017)
    acc.append(x + 268017)
    acc.append(x + 269017)
    acc.append(x + 270017)
    acc.append(x + 271017)
    acc.append(x + 272017)
    acc.append(x + 273017)
    acc.append(x + 274017)
    acc.append(x + 275017)
    acc.append(x + 276017)
    acc.append(x + 277017)
    acc.append(x + 278017)
    acc.append(x + 279017)
    return sum(acc), acc[-1], len(acc)
print(many_consts(1))
class Names: pass
def many_attrs():
    o = Names()
    o.attr0 = 0
    o.attr1 = 1
    o.attr2 = 2
    o.attr3 = 3
    o.attr4 = 4
    o.attr5 = 5
    o.attr6 = 6
    o.attr7 = 7
    o.attr8 = 8
    o.attr9 = 9
    o.attr10 = 10
    o.attr11 = 11
    o.attr12 = 12
    o.attr13 = 13
    o.attr14 = 14
    o.attr15 = 15
    o.attr16 = 16
    o.attr17 = 17
    o.attr18 = 18
    o.attr19 = 19
    o.attr20 = 20
    o.attr21 = 21
    o.attr22 = 22
    o.attr23 = 23
    o.attr24 = 24
    o.attr25 = 25
    o.attr26 = 26
    o.attr27 = 27
    o.attr28 = 28
    o.attr29 = 29
    o.attr30 = 30
    o.attr31 = 31
    o.attr32 = 32
    o.attr33 = 33
    o.attr34 = 34
    o.attr35 = 35
    o.attr36 = 36
    o.attr37 = 37
    o.attr38 = 38
    o.attr39 = 39
    o.attr40 = 40
    o.attr41 = 41
    o.attr42 = 42
    o.attr43 = 43
    o.attr44 = 44
    o.attr45 = 45
    o.attr46 = 46
    o.attr47 = 47
    o.attr48 = 48
    o.attr49 = 49
    o.attr50 = 50
    o.attr51 = 51
    o.attr52 = 52
    o.attr53 = 53
    o.attr54 = 54
    o.attr55 = 55
    o.attr56 = 56
    o.attr57 = 57
    o.attr58 = 58
    o.attr59 = 59
    o.attr60 = 60
    o.attr61 = 61
    o.attr62 = 62
    o.attr63 = 63
    o.attr64 = 64
    o.attr65 = 65
    o.attr66 = 66
    o.attr67 = 67
    o.attr68 = 68
    o.attr69 = 69
    o.attr70 = 70
    o.attr71 = 71
    o.attr72 = 72
    o.attr73 = 73
    o.attr74 = 74
    o.attr75 = 75
    o.attr76 = 76
    o.attr77 = 77
    o.attr78 = 78
    o.attr79 = 79
    o.attr80 = 80
    o.attr81 = 81
    o.attr82 = 82
    o.attr83 = 83
    o.attr84 = 84
    o.attr85 = 85
    o.attr86 = 86
    o.attr87 = 87
    o.attr88 = 88
    o.attr89 = 89
    o.attr90 = 90
    o.attr91 = 91
    o.attr92 = 92
    o.attr93 = 93
    o.attr94 = 94
    o.attr95 = 95
    o.attr96 = 96
    o.attr97 = 97
    o.attr98 = 98
    o.attr99 = 99
    o.attr100 = 100
    o.attr101 = 101
    o.attr102 = 102
    o.attr103 = 103
    o.attr104 = 104
    o.attr105 = 105
    o.attr106 = 106
    o.attr107 = 107
    o.attr108 = 108
    o.attr109 = 109
    o.attr110 = 110
    o.attr111 = 111
    o.attr112 = 112
    o.attr113 = 113
    o.attr114 = 114
    o.attr115 = 115
    o.attr116 = 116
    o.attr117 = 117
    o.attr118 = 118
    o.attr119 = 119
    o.attr120 = 120
    o.attr121 = 121
    o.attr122 = 122
    o.attr123 = 123
    o.attr124 = 124
    o.attr125 = 125
    o.attr126 = 126
    o.attr127 = 127
    o.attr128 = 128
    o.attr129 = 129
    o.attr130 = 130
    o.attr131 = 131
    o.attr132 = 132
    o.attr133 = 133
    o.attr134 = 134
    o.attr135 = 135
    o.attr136 = 136
    o.attr137 = 137
    o.attr138 = 138
    o.attr139 = 139
    o.attr140 = 140
    o.attr141 = 141
    o.attr142 = 142
    o.attr143 = 143
    o.attr144 = 144
    o.attr145 = 145
    o.attr146 = 146
    o.attr147 = 147
    o.attr148 = 148
    o.attr149 = 149
    o.attr150 = 150
    o.attr151 = 151
    o.attr152 = 152
    o.attr153 = 153
    o.attr154 = 154
    o.attr155 = 155
    o.attr156 = 156
    o.attr157 = 157
    o.attr158 = 158
    o.attr159 = 159
    o.attr160 = 160
    o.attr161 = 161
    o.attr162 = 162
    o.attr163 = 163
    o.attr164 = 164
    o.attr165 = 165
    o.attr166 = 166
    o.attr167 = 167
    o.attr168 = 168
    o.attr169 = 169
    o.attr170 = 170
    o.attr171 = 171
    o.attr172 = 172
    o.attr173 = 173
    o.attr174 = 174
    o.attr175 = 175
    o.attr176 = 176
    o.attr177 = 177
    o.attr178 = 178
    o.attr179 = 179
    o.attr180 = 180
    o.attr181 = 181
    o.attr182 = 182
    o.attr183 = 183
    o.attr184 = 184
    o.attr185 = 185
    o.attr186 = 186
    o.attr187 = 187
    o.attr188 = 188
    o.attr189 = 189
    o.attr190 = 190
    o.attr191 = 191
    o.attr192 = 192
    o.attr193 = 193
    o.attr194 = 194
    o.attr195 = 195
    o.attr196 = 196
    o.attr197 = 197
    o.attr198 = 198
    o.attr199 = 199
    o.attr200 = 200
    o.attr201 = 201
    o.attr202 = 202
    o.attr203 = 203
    o.attr204 = 204
    o.attr205 = 205
    o.attr206 = 206
    o.attr207 = 207
    o.attr208 = 208
    o.attr209 = 209
    o.attr210 = 210
    o.attr211 = 211
    o.attr212 = 212
    o.attr213 = 213
    o.attr214 = 214
    o.attr215 = 215
    o.attr216 = 216
    o.attr217 = 217
    o.attr218 = 218
    o.attr219 = 219
    o.attr220 = 220
    o.attr221 = 221
    o.attr222 = 222
    o.attr223 = 223
    o.attr224 = 224
    o.attr225 = 225
    o.attr226 = 226
    o.attr227 = 227
    o.attr228 = 228
    o.attr229 = 229
    o.attr230 = 230
    o.attr231 = 231
    o.attr232 = 232
    o.attr233 = 233
    o.attr234 = 234
    o.attr235 = 235
    o.attr236 = 236
    o.attr237 = 237
    o.attr238 = 238
    o.attr239 = 239
    o.attr240 = 240
    o.attr241 = 241
    o.attr242 = 242
    o.attr243 = 243
    o.attr244 = 244
    o.attr245 = 245
    o.attr246 = 246
    o.attr247 = 247
    o.attr248 = 248
    o.attr249 = 249
    o.attr250 = 250
    o.attr251 = 251
    o.attr252 = 252
    o.attr253 = 253
    o.attr254 = 254
    o.attr255 = 255
    o.attr256 = 256
    o.attr257 = 257
    o.attr258 = 258
    o.attr259 = 259
    o.attr260 = 260
    o.attr261 = 261
    o.attr262 = 262
    o.attr263 = 263
    o.attr264 = 264
    o.attr265 = 265
    o.attr266 = 266
    o.attr267 = 267
    o.attr268 = 268
    o.attr269 = 269
    return o.attr0 + o.attr269 + o.attr260, len(vars(o))
print(many_attrs())
def long_jump(n):
    out = 0
    for i in range(n):
        if i % 2:
            out += i * 0
            out += i * 1
            out += i * 2
            out += i * 3
            out += i * 4
            out += i * 5
            out += i * 6
            out += i * 7
            out += i * 8
            out += i * 9
            out += i * 10
            out += i * 11
            out += i * 12
            out += i * 13
            out += i * 14
            out += i * 15
            out += i * 16
            out += i * 17
            out += i * 18
            out += i * 19
            out += i * 20
            out += i * 21
            out += i * 22
            out += i * 23
            out += i * 24
            out += i * 25
            out += i * 26
            out += i * 27
            out += i * 28
            out += i * 29
            out += i * 30
            out += i * 31
            out += i * 32
            out += i * 33
            out += i * 34
            out += i * 35
            out += i * 36
            out += i * 37
            out += i * 38
            out += i * 39
            out += i * 40
            out += i * 41
            out += i * 42
            out += i * 43
            out += i * 44
            out += i * 45
            out += i * 46
            out += i * 47
            out += i * 48
            out += i * 49
            out += i * 50
            out += i * 51
            out += i * 52
            out += i * 53
            out += i * 54
            out += i * 55
            out += i * 56
            out += i * 57
            out += i * 58
            out += i * 59
            out += i * 60
            out += i * 61
            out += i * 62
            out += i * 63
            out += i * 64
            out += i * 65
            out += i * 66
            out += i * 67
            out += i * 68
            out += i * 69
            out += i * 70
            out += i * 71
            out += i * 72
            out += i * 73
            out += i * 74
            out += i * 75
            out += i * 76
            out += i * 77
            out += i * 78
            out += i * 79
            out += i * 80
            out += i * 81
            out += i * 82
            out += i * 83
            out += i * 84
            out += i * 85
            out += i * 86
            out += i * 87
            out += i * 88
            out += i * 89
            out += i * 90
            out += i * 91
            out += i * 92
            out += i * 93
            out += i * 94
            out += i * 95
            out += i * 96
            out += i * 97
            out += i * 98
            out += i * 99
            out += i * 100
            out += i * 101
            out += i * 102
            out += i * 103
            out += i * 104
            out += i * 105
            out += i * 106
            out += i * 107
            out += i * 108
            out += i * 109
            out += i * 110
            out += i * 111
            out += i * 112
            out += i * 113
            out += i * 114
            out += i * 115
            out += i * 116
            out += i * 117
            out += i * 118
            out += i * 119
            out += i * 120
            out += i * 121
            out += i * 122
            out += i * 123
            out += i * 124
            out += i * 125
            out += i * 126
            out += i * 127
            out += i * 128
            out += i * 129
            out += i * 130
            out += i * 131
            out += i * 132
            out += i * 133
            out += i * 134
            out += i * 135
            out += i * 136
            out += i * 137
            out += i * 138
            out += i * 139
            out += i * 140
            out += i * 141
            out += i * 142
            out += i * 143
            out += i * 144
            out += i * 145
            out += i * 146
            out += i * 147
            out += i * 148
            out += i * 149
        else:
            out -= 1
    return out
print(long_jump(10))
big_tuple = ('s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 's12', 's13', 's14', 's15', 's16', 's17', 's18', 's19', 's20', 's21', 's22', 's23', 's24', 's25', 's26', 's27', 's28', 's29', 's30', 's31', 's32', 's33', 's34', 's35', 's36', 's37', 's38', 's39', 's40', 's41', 's42', 's43', 's44', 's45', 's46', 's47', 's48', 's49', 's50', 's51', 's52', 's53', 's54', 's55', 's56', 's57', 's58', 's59', 's60', 's61', 's62', 's63', 's64', 's65', 's66', 's67', 's68', 's69', 's70', 's71', 's72', 's73', 's74', 's75', 's76', 's77', 's78', 's79', 's80', 's81', 's82', 's83', 's84', 's85', 's86', 's87', 's88', 's89', 's90', 's91', 's92', 's93', 's94', 's95', 's96', 's97', 's98', 's99', 's100', 's101', 's102', 's103', 's104', 's105', 's106', 's107', 's108', 's109', 's110', 's111', 's112', 's113', 's114', 's115', 's116', 's117', 's118', 's119', 's120', 's121', 's122', 's123', 's124', 's125', 's126', 's127', 's128', 's129', 's130', 's131', 's132', 's133', 's134', 's135', 's136', 's137', 's138', 's139', 's140', 's141', 's142', 's143', 's144', 's145', 's146', 's147', 's148', 's149', 's150', 's151', 's152', 's153', 's154', 's155', 's156', 's157', 's158', 's159', 's160', 's161', 's162', 's163', 's164', 's165', 's166', 's167', 's168', 's169', 's170', 's171', 's172', 's173', 's174', 's175', 's176', 's177', 's178', 's179', 's180', 's181', 's182', 's183', 's184', 's185', 's186', 's187', 's188', 's189', 's190', 's191', 's192', 's193', 's194', 's195', 's196', 's197', 's198', 's199', 's200', 's201', 's202', 's203', 's204', 's205', 's206', 's207', 's208', 's209', 's210', 's211', 's212', 's213', 's214', 's215', 's216', 's217', 's218', 's219', 's220', 's221', 's222', 's223', 's224', 's225', 's226', 's227', 's228', 's229', 's230', 's231', 's232', 's233', 's234', 's235', 's236', 's237', 's238', 's239', 's240', 's241', 's242', 's243', 's244', 's245', 's246', 's247', 's248', 's249', 's250', 's251', 's252', 's253', 's254', 's255', 's256', 's257', 's258', 's259', 's260', 's261', 's262', 's263', 's264', 's265', 's266', 's267', 's268', 's269', 's270', 's271', 's272', 's273', 's274', 's275', 's276', 's277', 's278', 's279', 's280', 's281', 's282', 's283', 's284', 's285', 's286', 's287', 's288', 's289', 's290', 's291', 's292', 's293', 's294', 's295', 's296', 's297', 's298', 's299')
print(len(big_tuple), big_tuple[299])
def many_args(a0=0, a1=0, a2=0, a3=0, a4=0, a5=0, a6=0, a7=0, a8=0, a9=0, a10=0, a11=0, a12=0, a13=0, a14=0, a15=0, a16=0, a17=0, a18=0, a19=0, a20=0, a21=0, a22=0, a23=0, a24=0, a25=0, a26=0, a27=0, a28=0, a29=0, a30=0, a31=0, a32=0, a33=0, a34=0, a35=0, a36=0, a37=0, a38=0, a39=0, a40=0, a41=0, a42=0, a43=0, a44=0, a45=0, a46=0, a47=0, a48=0, a49=0, a50=0, a51=0, a52=0, a53=0, a54=0, a55=0, a56=0, a57=0, a58=0, a59=0, a60=0, a61=0, a62=0, a63=0, a64=0, a65=0, a66=0, a67=0, a68=0, a69=0, a70=0, a71=0, a72=0, a73=0, a74=0, a75=0, a76=0, a77=0, a78=0, a79=0, a80=0, a81=0, a82=0, a83=0, a84=0, a85=0, a86=0, a87=0, a88=0, a89=0, a90=0, a91=0, a92=0, a93=0, a94=0, a95=0, a96=0, a97=0, a98=0, a99=0, a100=0, a101=0, a102=0, a103=0, a104=0, a105=0, a106=0, a107=0, a108=0, a109=0, a110=0, a111=0, a112=0, a113=0, a114=0, a115=0, a116=0, a117=0, a118=0, a119=0, a120=0, a121=0, a122=0, a123=0, a124=0, a125=0, a126=0, a127=0, a128=0, a129=0, a130=0, a131=0, a132=0, a133=0, a134=0, a135=0, a136=0, a137=0, a138=0, a139=0, a140=0, a141=0, a142=0, a143=0, a144=0, a145=0, a146=0, a147=0, a148=0, a149=0, a150=0, a151=0, a152=0, a153=0, a154=0, a155=0, a156=0, a157=0, a158=0, a159=0, a160=0, a161=0, a162=0, a163=0, a164=0, a165=0, a166=0, a167=0, a168=0, a169=0, a170=0, a171=0, a172=0, a173=0, a174=0, a175=0, a176=0, a177=0, a178=0, a179=0, a180=0, a181=0, a182=0, a183=0, a184=0, a185=0, a186=0, a187=0, a188=0, a189=0, a190=0, a191=0, a192=0, a193=0, a194=0, a195=0, a196=0, a197=0, a198=0, a199=0, a200=0, a201=0, a202=0, a203=0, a204=0, a205=0, a206=0, a207=0, a208=0, a209=0, a210=0, a211=0, a212=0, a213=0, a214=0, a215=0, a216=0, a217=0, a218=0, a219=0, a220=0, a221=0, a222=0, a223=0, a224=0, a225=0, a226=0, a227=0, a228=0, a229=0, a230=0, a231=0, a232=0, a233=0, a234=0, a235=0, a236=0, a237=0, a238=0, a239=0, a240=0, a241=0, a242=0, a243=0, a244=0, a245=0, a246=0, a247=0, a248=0, a249=0, a250=0, a251=0, a252=0, a253=0, a254=0, a255=0, a256=0, a257=0, a258=0, a259=0):
    return a0 + a259 + a258
print(many_args(*range(260)))
glob_names = {}
g0 = 0
g1 = 1
g2 = 2
g3 = 3
g4 = 4
g5 = 5
g6 = 6
g7 = 7
g8 = 8
g9 = 9
g10 = 10
g11 = 11
g12 = 12
g13 = 13
g14 = 14
g15 = 15
g16 = 16
g17 = 17
g18 = 18
g19 = 19
g20 = 20
g21 = 21
g22 = 22
g23 = 23
g24 = 24
g25 = 25
g26 = 26
g27 = 27
g28 = 28
g29 = 29
g30 = 30
g31 = 31
g32 = 32
g33 = 33
g34 = 34
g35 = 35
g36 = 36
g37 = 37
g38 = 38
g39 = 39
g40 = 40
g41 = 41
g42 = 42
g43 = 43
g44 = 44
g45 = 45
g46 = 46
g47 = 47
g48 = 48
g49 = 49
g50 = 50
g51 = 51
g52 = 52
g53 = 53
g54 = 54
g55 = 55
g56 = 56
g57 = 57
g58 = 58
g59 = 59
g60 = 60
g61 = 61
g62 = 62
g63 = 63
g64 = 64
g65 = 65
g66 = 66
g67 = 67
g68 = 68
g69 = 69
g70 = 70
g71 = 71
g72 = 72
g73 = 73
g74 = 74
g75 = 75
g76 = 76
g77 = 77
g78 = 78
g79 = 79
g80 = 80
g81 = 81
g82 = 82
g83 = 83
g84 = 84
g85 = 85
g86 = 86
g87 = 87
g88 = 88
g89 = 89
g90 = 90
g91 = 91
g92 = 92
g93 = 93
g94 = 94
g95 = 95
g96 = 96
g97 = 97
g98 = 98
g99 = 99
g100 = 100
g101 = 101
g102 = 102
g103 = 103
g104 = 104
g105 = 105
g106 = 106
g107 = 107
g108 = 108
g109 = 109
g110 = 110
g111 = 111
g112 = 112
g113 = 113
g114 = 114
g115 = 115
g116 = 116
g117 = 117
g118 = 118
g119 = 119
g120 = 120
g121 = 121
g122 = 122
g123 = 123
g124 = 124
g125 = 125
g126 = 126
g127 = 127
g128 = 128
g129 = 129
g130 = 130
g131 = 131
g132 = 132
g133 = 133
g134 = 134
g135 = 135
g136 = 136
g137 = 137
g138 = 138
g139 = 139
g140 = 140
g141 = 141
g142 = 142
g143 = 143
g144 = 144
g145 = 145
g146 = 146
g147 = 147
g148 = 148
g149 = 149
g150 = 150
g151 = 151
g152 = 152
g153 = 153
g154 = 154
g155 = 155
g156 = 156
g157 = 157
g158 = 158
g159 = 159
g160 = 160
g161 = 161
g162 = 162
g163 = 163
g164 = 164
g165 = 165
g166 = 166
g167 = 167
g168 = 168
g169 = 169
g170 = 170
g171 = 171
g172 = 172
g173 = 173
g174 = 174
g175 = 175
g176 = 176
g177 = 177
g178 = 178
g179 = 179
g180 = 180
g181 = 181
g182 = 182
g183 = 183
g184 = 184
g185 = 185
g186 = 186
g187 = 187
g188 = 188
g189 = 189
g190 = 190
g191 = 191
g192 = 192
g193 = 193
g194 = 194
g195 = 195
g196 = 196
g197 = 197
g198 = 198
g199 = 199
g200 = 200
g201 = 201
g202 = 202
g203 = 203
g204 = 204
g205 = 205
g206 = 206
g207 = 207
g208 = 208
g209 = 209
g210 = 210
g211 = 211
g212 = 212
g213 = 213
g214 = 214
g215 = 215
g216 = 216
g217 = 217
g218 = 218
g219 = 219
g220 = 220
g221 = 221
g222 = 222
g223 = 223
g224 = 224
g225 = 225
g226 = 226
g227 = 227
g228 = 228
g229 = 229
g230 = 230
g231 = 231
g232 = 232
g233 = 233
g234 = 234
g235 = 235
g236 = 236
g237 = 237
g238 = 238
g239 = 239
g240 = 240
g241 = 241
g242 = 242
g243 = 243
g244 = 244
g245 = 245
g246 = 246
g247 = 247
g248 = 248
g249 = 249
g250 = 250
g251 = 251
g252 = 252
g253 = 253
g254 = 254
g255 = 255
g256 = 256
g257 = 257
g258 = 258
g259 = 259
def read_globals():
    return g0 + g259 + g257
print(read_globals())
def big_list():
    return [g0, g1, g2, g3, g4, g5, g6, g7, g8, g9, g10, g11, g12, g13, g14, g15, g16, g17, g18, g19, g20, g21, g22, g23, g24, g25, g26, g27, g28, g29, g30, g31, g32, g33, g34, g35, g36, g37, g38, g39, g40, g41, g42, g43, g44, g45, g46, g47, g48, g49, g50, g51, g52, g53, g54, g55, g56, g57, g58, g59, g60, g61, g62, g63, g64, g65, g66, g67, g68, g69, g70, g71, g72, g73, g74, g75, g76, g77, g78, g79, g80, g81, g82, g83, g84, g85, g86, g87, g88, g89, g90, g91, g92, g93, g94, g95, g96, g97, g98, g99, g100, g101, g102, g103, g104, g105, g106, g107, g108, g109, g110, g111, g112, g113, g114, g115, g116, g117, g118, g119, g120, g121, g122, g123, g124, g125, g126, g127, g128, g129, g130, g131, g132, g133, g134, g135, g136, g137, g138, g139, g140, g141, g142, g143, g144, g145, g146, g147, g148, g149, g150, g151, g152, g153, g154, g155, g156, g157, g158, g159, g160, g161, g162, g163, g164, g165, g166, g167, g168, g169, g170, g171, g172, g173, g174, g175, g176, g177, g178, g179, g180, g181, g182, g183, g184, g185, g186, g187, g188, g189, g190, g191, g192, g193, g194, g195, g196, g197, g198, g199, g200, g201, g202, g203, g204, g205, g206, g207, g208, g209, g210, g211, g212, g213, g214, g215, g216, g217, g218, g219, g220, g221, g222, g223, g224, g225, g226, g227, g228, g229, g230, g231, g232, g233, g234, g235, g236, g237, g238, g239, g240, g241, g242, g243, g244, g245, g246, g247, g248, g249, g250, g251, g252, g253, g254, g255, g256, g257, g258, g259]
print(sum(big_list()))
